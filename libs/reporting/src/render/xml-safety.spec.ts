import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import type { ReportFigures } from '../figures/report-figures';
import { sampleFigures } from './__fixtures__/sample-figures';
import { renderCompletionChart, renderDocx, renderXlsx } from './index';

/** Every character XML 1.0 forbids that JSON can carry, and an unpaired surrogate. */
const FORBIDDEN = '\u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uD800';

/** The sample figures with forbidden characters inside every piece of text (dates and numbers kept). */
function poisoned(value: unknown): unknown {
  if (typeof value === 'string')
    return /^\d{4}-\d{2}/.test(value) ? value : `${value.slice(0, 1)}${FORBIDDEN}${value.slice(1)}`;
  if (Array.isArray(value)) return value.map(poisoned);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, poisoned(item)]));
  return value;
}

/** Parses with saxes, a conformant XML 1.0 parser, as strictly as Word, LibreOffice and exceljs read. */
function parseStrictly(xml: string, part: string): void {
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (error) => {
    throw new Error(`${part}: ${error.message}`);
  });
  parser.write(xml).close();
}

describe('the Word and Excel renderers on text holding characters XML forbids', () => {
  const figures = poisoned(sampleFigures()) as ReportFigures;

  it('write a .docx whose every XML part is well-formed', async () => {
    const docx = await renderDocx(figures, renderCompletionChart(figures.units));
    const zip = await JSZip.loadAsync(docx);
    const parts = Object.keys(zip.files).filter((name) => /\.(xml|rels)$/.test(name));
    expect(parts).toContain('word/document.xml');
    for (const part of parts) parseStrictly(await zip.file(part)!.async('string'), part);
    const text = await zip.file('word/document.xml')!.async('string');
    expect(text).toContain(sampleFigures().document.title.slice(1));
  });

  it('write a .xlsx that exceljs reads back, every part well-formed', async () => {
    const xlsx = await renderXlsx(figures);
    const zip = await JSZip.loadAsync(xlsx);
    for (const part of Object.keys(zip.files).filter((name) => name.endsWith('.xml')))
      parseStrictly(await zip.file(part)!.async('string'), part);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThan(1);
  });
});
