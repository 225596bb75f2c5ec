import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DocumentQueries } from '@app/documents';
import { LedgerService } from '@app/reporting';
import { withServices } from '../cli-context';
import { printLine } from '../output';

export interface LedgerOptions {
  out: string;
  unit?: string;
}

/** Writes the 台账 of a document (id or 文号), or of one unit's tasks in it, as an .xlsx file. */
export async function ledgerCommand(document: string, options: LedgerOptions): Promise<void> {
  const workbook = await withServices(async (get) => {
    const { id } = await get(DocumentQueries).getDocument(document);
    return get(LedgerService).workbook({ documentId: id, unitCode: options.unit ?? null });
  });
  const path = resolve(options.out);
  await writeFile(path, workbook);
  printLine(path);
}
