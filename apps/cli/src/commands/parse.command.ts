import { shanghaiDate, SystemClock } from '@app/common';
import { basename } from 'node:path';
import { parseDocument, readDocument, type ParseResult } from '@app/documents';
import { loadSeedUnitDirectory } from '@app/units';
import { printJson, printLine } from '../output';
import { readInputFile } from '../read-input-file';

/** Parses a document (.docx, .doc, PDF, web page or text) without any database: units are resolved against seeds/units.json. */
export async function parseCommand(file: string, options: { json?: boolean }): Promise<void> {
  const source = await readDocument(readInputFile(file), basename(file));
  const result = parseDocument(source, {
    resolver: loadSeedUnitDirectory(),
    asOf: shanghaiDate(new SystemClock().now()),
  });
  if (options.json) return printJson(result);
  printSummary(result);
}

function printSummary(result: ParseResult): void {
  const { document } = result;
  printLine(`${document.docNumber ?? '（无文号）'}  ${document.title ?? '（无标题）'}`);
  printLine(
    `发文机关：${document.issuer ?? '—'}  成文日期：${document.issuedOn ?? '—'}  规划期：${document.planPeriod ? `${document.planPeriod.startYear}—${document.planPeriod.endYear}` : '—'}`,
  );
  printLine(
    `格式：${result.format}  措施 ${result.measures.length} 项，待指定责任单位 ${result.measures.filter((measure) => measure.units.needsAssignment).length} 项`,
  );
  for (const measure of result.measures) {
    const units = measure.units.lead ? [measure.units.lead, ...measure.units.co].join('、') : '（未明确）';
    printLine(`  ${measure.path.padEnd(12)} ${measure.title}  [${units}]  ${measure.deadline.date ?? ''}`);
  }
  for (const diagnostic of result.diagnostics)
    printLine(
      `  ${diagnostic.level} ${diagnostic.location?.label || `第${diagnostic.line ?? '?'}行`}：${diagnostic.message}`,
    );
}
