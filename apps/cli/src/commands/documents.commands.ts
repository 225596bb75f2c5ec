import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { DocumentImporter, DocumentQueries, MeasureAssignmentService, MeasureSuggestionService } from '@app/documents';
import { RevisionImpact, type ImportAnswer } from '@app/workflow';
import { withServices } from '../cli-context';
import { printJson, printLine } from '../output';
import { readInputFile } from '../read-input-file';

export function cliActor(by?: string): string {
  return by ?? `cli:${userInfo().username}`;
}

export async function importCommand(
  files: string[],
  options: { json?: boolean; by?: string },
): Promise<ImportAnswer[]> {
  return withServices(async (get) => {
    const outcomes: ImportAnswer[] = [];
    for (const file of files) {
      const imported = await get(DocumentImporter).import({
        content: readInputFile(file),
        fileName: basename(file),
        importedBy: cliActor(options.by),
      });
      const outcome = await get(RevisionImpact).answer(imported);
      outcomes.push(outcome);
      if (!options.json) printImportOutcome(outcome);
    }
    if (options.json) printJson(outcomes.length === 1 ? outcomes[0] : outcomes);
    return outcomes;
  });
}

export function printImportOutcome(outcome: ImportAnswer): void {
  printLine(outcome.message);
  const warnings = outcome.diagnostics.filter((diagnostic) => diagnostic.level !== 'info');
  if (warnings.length > 0)
    printLine(
      `  诊断 ${warnings.length} 条，例如：${warnings[0].location?.label || `第${warnings[0].line ?? '?'}行`} ${warnings[0].message}`,
    );
}

export async function documentsCommand(options: { json?: boolean }): Promise<void> {
  await withServices(async (get) => {
    const documents = await get(DocumentQueries).listDocuments();
    if (options.json) return printJson(documents);
    for (const document of documents) {
      printLine(
        `${document.docNumber ?? '—'}  ${document.title}  第${document.revision}版  措施${document.measureCount}项（待定责${document.needingAssignment}项）`,
      );
    }
  });
}

export async function measuresCommand(
  document: string,
  options: { json?: boolean; needsAssignment?: boolean },
): Promise<void> {
  await withServices(async (get) => {
    const queries = get(DocumentQueries);
    const found = await queries.getDocument(document);
    const measures = await queries.listMeasures(found.id, { needsAssignment: options.needsAssignment });
    if (options.json) return printJson(measures);
    for (const measure of measures) {
      const units =
        measure.units.responsible
          .map((unit) => `${unit.role === 'lead' ? '牵头' : '配合'}:${unit.fullName}`)
          .join(' ') || '（待指定责任单位）';
      printLine(`${measure.path.padEnd(14)} ${measure.title}  ${units}  ${measure.deadline.date ?? ''}`);
    }
  });
}

export async function suggestCommand(document: string, path: string, options: { json?: boolean }): Promise<void> {
  await withServices(async (get) => {
    const measure = await get(DocumentQueries).findMeasure(document, path);
    const result = await get(MeasureSuggestionService).suggest(measure.id);
    if (options.json) return printJson(result);
    printLine(`${measure.path} ${measure.title} 的责任单位建议：`);
    for (const suggestion of result.suggestions) {
      const evidence = suggestion.evidence[0];
      printLine(
        `  ${suggestion.score.toFixed(3)}  ${suggestion.role === 'lead' ? '牵头' : '配合'}  ${suggestion.fullName}（${suggestion.unitCode}）  依据：${evidence.documentLabel} ${evidence.path} ${evidence.title}（相似度 ${evidence.similarity}）`,
      );
    }
  });
}

export async function assignCommand(
  document: string,
  path: string,
  options: { lead?: string; co?: string; acceptSuggestion?: boolean; note?: string; by?: string; json?: boolean },
): Promise<void> {
  await withServices(async (get) => {
    const queries = get(DocumentQueries);
    const measure = await queries.findMeasure(document, path);
    const manual = {
      leadUnitCode: options.lead ?? '',
      coUnitCodes: options.co
        ? options.co
            .split(',')
            .map((code) => code.trim())
            .filter(Boolean)
        : [],
    };
    const proposal = options.acceptSuggestion ? await get(MeasureSuggestionService).proposal(measure.id) : manual;
    await get(MeasureAssignmentService).assign({
      measureId: measure.id,
      ...proposal,
      note: options.note,
      source: options.acceptSuggestion ? 'suggestion' : 'manual',
      assignedBy: cliActor(options.by),
    });
    const updated = await queries.getMeasure(measure.id);
    if (options.json) return printJson(updated);
    printLine(
      `${updated.path} ${updated.title} 已指定：${updated.units.responsible.map((unit) => `${unit.role === 'lead' ? '牵头' : '配合'}:${unit.fullName}`).join(' ')}`,
    );
  });
}
