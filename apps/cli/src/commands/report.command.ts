import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DomainError } from '@app/common';
import { DocumentQueries } from '@app/documents';
import { quarterEndMoment, renderJson, reportFileName, ReportGenerator, type ReportFormat } from '@app/reporting';
import { parseQuarter } from '@app/calendar';
import { withServices } from '../cli-context';
import { printLine } from '../output';

export interface ReportOptions {
  quarter: string;
  out: string;
  asOf?: string;
  unit?: string;
}

function momentOf(text: string): Date {
  const moment = new Date(text);
  if (Number.isNaN(moment.getTime()))
    throw new DomainError('invalid', 'INVALID_AS_OF', `--as-of 须为 ISO 8601 时间，收到 ${text}`, { field: 'asOf' });
  return moment;
}

/** Writes the quarterly report of a document (id or 文号) as .docx, .xlsx and .json into a folder. */
export async function reportCommand(document: string, options: ReportOptions): Promise<void> {
  const quarter = parseQuarter(options.quarter);
  if (!quarter)
    throw new DomainError('invalid', 'INVALID_QUARTER', `--quarter 格式应为 2022Q3，收到 ${options.quarter}`, {
      field: 'quarter',
    });
  const asOf = options.asOf ? momentOf(options.asOf) : quarterEndMoment(quarter);
  const rendered = await withServices(async (get) => {
    const { id } = await get(DocumentQueries).getDocument(document);
    return get(ReportGenerator).render({
      documentId: id,
      quarter: options.quarter,
      asOf,
      scopeUnitCode: options.unit ?? null,
    });
  });
  const folder = resolve(options.out);
  await mkdir(folder, { recursive: true });
  const files: Record<ReportFormat, Buffer> = {
    docx: rendered.docx,
    xlsx: rendered.xlsx,
    json: renderJson(rendered.figures),
  };
  for (const [format, content] of Object.entries(files) as [ReportFormat, Buffer][]) {
    const path = join(folder, reportFileName(rendered.figures, format));
    await writeFile(path, content);
    printLine(path);
  }
}
