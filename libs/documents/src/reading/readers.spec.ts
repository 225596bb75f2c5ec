import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import * as fc from 'fast-check';
import { zipSync } from 'fflate';
import { DocumentParseError, DocumentParseErrorCode } from '../parsing/errors';
import { detectFormat } from './detect-format';
import { layoutPdf } from './pdf/read-pdf';
import { extractPdfItems, type PdfItem } from './pdf/pdf-worker';
import { readDocument } from './read-document';

async function failure(bytes: Buffer, name: string): Promise<DocumentParseError> {
  try {
    await readDocument(bytes, name);
  } catch (error) {
    if (error instanceof DocumentParseError) return error;
    throw error;
  }
  throw new Error('expected a DocumentParseError');
}

function docx(
  children: (Paragraph | Table)[],
  numbering?: ConstructorParameters<typeof Document>[0]['numbering'],
): Promise<Buffer> {
  return Packer.toBuffer(new Document({ numbering, sections: [{ children }] }));
}

const paragraph = (text: string, options: ConstructorParameters<typeof Paragraph>[0] & object = {}) =>
  new Paragraph({ ...options, children: [new TextRun(text)] });
const cell = (text: string, options: object = {}) => new TableCell({ ...options, children: [paragraph(text)] });

/** Chinese text without the characters a paragraph could not hold (line breaks, tabs). */
const chineseText = fc
  .array(fc.constantFrom(...'推进建设完善服务体系省商务厅财政局一二三、,。()1234567890'.split('')), {
    minLength: 1,
    maxLength: 40,
  })
  .map((chars) => chars.join('').trim())
  .filter((text) => text.length > 0);

describe('telling formats apart by content', () => {
  it.each<[string, Buffer, string | null, string]>([
    ['a PDF named .txt', Buffer.from('%PDF-1.7\n...'), 'notice.txt', 'pdf'],
    ['a web page', Buffer.from('<!DOCTYPE html><html><body><p>一、任务</p></body></html>'), 'page', 'html'],
    ['an .htm fragment', Buffer.from('<div><p>一、任务</p></div>'), 'page.htm', 'html'],
    ['plain text named .html', Buffer.from('一、任务\n1.做事。'), 'page.html', 'txt'],
    ['GBK text', Buffer.from([0xd2, 0xbb, 0xa1, 0xa2]), null, 'txt'],
  ])('takes %s for %s', async (_what, bytes, name, format) => {
    expect(await detectFormat(bytes, name)).toBe(format);
  });

  it.each<[string, Buffer, string, DocumentParseErrorCode, string]>([
    [
      'a .wps file',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'a.wps',
      'UNSUPPORTED_FORMAT',
      '.docx',
    ],
    [
      'an .ofd file',
      Buffer.from(zipSync({ 'OFD.xml': new Uint8Array([60, 97, 47, 62]) })),
      'a.ofd',
      'UNSUPPORTED_FORMAT',
      '.docx',
    ],
    [
      'an .xlsx workbook',
      Buffer.from(zipSync({ 'xl/workbook.xml': new Uint8Array([60]) })),
      'a.xlsx',
      'UNSUPPORTED_FORMAT',
      'Excel',
    ],
    ['RTF', Buffer.from('{\\rtf1\\ansi 一、任务}'), 'a.rtf', 'UNSUPPORTED_FORMAT', 'RTF'],
    [
      'a password-protected .docx (an OLE file holding EncryptedPackage)',
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.from('EncryptedPackage', 'utf16le'),
      ]),
      'a.docx',
      'ENCRYPTED_DOCUMENT',
      '密码',
    ],
  ])('refuses %s naming what to do', async (_what, bytes, name, code, hint) => {
    const error = await failure(bytes, name);
    expect(error.code).toBe(code);
    expect(error.message).toContain(hint);
  });

  it('refuses a file over 20 MiB before reading it', async () => {
    expect((await failure(Buffer.alloc(20 * 1024 * 1024 + 1, 0x25), 'big.pdf')).code).toBe('DOCUMENT_TOO_LARGE');
  });
});

describe('reading Word (.docx)', () => {
  it('gives back every paragraph and every table row, in order (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(chineseText, { minLength: 1, maxLength: 8 }),
        fc.array(fc.array(chineseText, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        async (paragraphs, rows) => {
          const table = new Table({
            rows: rows.map((cells) => new TableRow({ children: cells.map((text) => cell(text)) })),
          });
          const source = await readDocument(
            await docx([...paragraphs.map((text) => paragraph(text)), table]),
            'a.docx',
          );
          const squeeze = (text: string) => text.replace(/ +/gu, ' ');
          expect(source.text.split('\n')).toEqual([
            ...paragraphs.map(squeeze),
            ...rows.map((cells) => cells.map(squeeze).join('\t')),
          ]);
          expect(source.places?.[paragraphs.length]).toEqual({ table: 1, row: 1 });
          expect(source).toMatchObject({ format: 'docx', linesAreParagraphs: true });
        },
      ),
      { numRuns: 15 },
    );
  });

  it('keeps the labels of Word’s automatic numbering', async () => {
    const numbering = {
      config: [
        {
          reference: 'plan',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
            { level: 2, format: LevelFormat.DECIMAL, text: '%3.' },
          ],
        },
      ],
    };
    const numbered = (text: string, level: number) => paragraph(text, { numbering: { reference: 'plan', level } });
    const bytes = await docx(
      [
        numbered('重点任务', 0),
        numbered('扩大消费', 1),
        numbered('建设商圈。', 2),
        numbered('发展夜经济。', 2),
        numbered('保障措施', 0),
        numbered('加强领导', 1),
      ],
      numbering,
    );
    expect((await readDocument(bytes, 'a.docx')).text.split('\n')).toEqual([
      '一、重点任务',
      '（一）扩大消费',
      '1.建设商圈。',
      '2.发展夜经济。',
      '二、保障措施',
      '（一）加强领导',
    ]);
  });

  it('spreads merged cells over the rows and columns they cover', async () => {
    const table = new Table({
      rows: [
        new TableRow({ children: [cell('序号'), cell('重点任务'), cell('牵头单位')] }),
        new TableRow({ children: [cell('一、消费', { columnSpan: 3 })] }),
        new TableRow({
          children: [cell('1'), cell('建设商圈'), cell('省商务厅', { verticalMerge: VerticalMergeType.RESTART })],
        }),
        new TableRow({
          children: [cell('2'), cell('发展夜经济'), cell('', { verticalMerge: VerticalMergeType.CONTINUE })],
        }),
      ],
    });
    expect((await readDocument(await docx([table]), 'a.docx')).text.split('\n')).toEqual([
      '序号\t重点任务\t牵头单位',
      '一、消费\t\t',
      '1\t建设商圈\t省商务厅',
      '2\t发展夜经济\t省商务厅',
    ]);
  });

  it('refuses a zip bomb without inflating it', async () => {
    const bomb = Buffer.from(
      zipSync({ 'word/document.xml': new Uint8Array(4 * 1024 * 1024).fill(0x61) }, { level: 9 }),
    );
    expect(bomb.length).toBeLessThan(64 * 1024);
    const error = await failure(bomb, 'a.docx');
    expect(error.code).toBe('UNSAFE_ARCHIVE');
    expect(error.message).toContain('压缩炸弹');
  });

  it('refuses a damaged or truncated .docx', async () => {
    const whole = await docx([paragraph('一、任务')]);
    expect((await failure(whole.subarray(0, whole.length / 2), 'a.docx')).code).toBe('CORRUPT_DOCUMENT');
    const notXml = Buffer.from(zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document><w:body>') }));
    expect((await failure(notXml, 'a.docx')).code).toBe('CORRUPT_DOCUMENT');
  });
});

describe('reading web pages', () => {
  const page = (article: string, extra = '') => `<!DOCTYPE html><html><head><title>通知_某市人民政府</title>
    <script>var tracker = '一、不是正文';</script></head><body>
    <div class="nav"><a href="/">首页</a><a href="/a">政务公开</a><a href="/b">互动交流</a></div>
    <div class="main"><div class="article">${article}</div>${extra}</div>
    <div class="footer"><p>主办：某市人民政府办公室 版权所有，未经许可不得转载。网站标识码：1234567890</p></div></body></html>`;

  it('finds the article body and nothing else, whatever the paragraphs (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(chineseText, { minLength: 3, maxLength: 10 }), async (paragraphs) => {
        const body = paragraphs
          .map((text) => `<p>${text}</p>`)
          .join('')
          .padEnd(0);
        const source = await readDocument(
          Buffer.from(page(`<h1>关于印发工作方案的通知</h1>${body}<p>${'正文内容。'.repeat(20)}</p>`)),
          'a.html',
        );
        const lines = source.text.split('\n');
        expect(lines.slice(1, 1 + paragraphs.length)).toEqual(paragraphs.map((text) => text.replace(/ +/gu, ' ')));
        expect(source.text).not.toMatch(/首页|主办|不是正文/u);
      }),
      { numRuns: 20 },
    );
  });

  it('reads a table with row and column spans into the grid a person sees', async () => {
    const table = `<table><tr><th>序号</th><th>重点任务</th><th>牵头单位</th></tr>
      <tr><td colspan="3">一、消费</td></tr>
      <tr><td>1</td><td>建设商圈</td><td rowspan="2">省商务厅</td></tr>
      <tr><td>2</td><td>发展夜经济</td></tr></table>`;
    const source = await readDocument(Buffer.from(page(`<p>${'通知正文。'.repeat(30)}</p>${table}`)), 'a.html');
    expect(source.text.split('\n').slice(-4)).toEqual([
      '序号\t重点任务\t牵头单位',
      '一、消费\t\t',
      '1\t建设商圈\t省商务厅',
      '2\t发展夜经济\t省商务厅',
    ]);
    expect(source.places?.at(-1)).toEqual({ table: 1, row: 4 });
  });

  it('refuses a page whose article body holds a script', async () => {
    const error = await failure(Buffer.from(page(`<p>${'正文。'.repeat(40)}</p><script>alert(1)</script>`)), 'a.html');
    expect(error.code).toBe('SCRIPT_CONTENT');
    const handler = await failure(Buffer.from(page(`<p onclick="steal()">${'正文。'.repeat(40)}</p>`)), 'a.html');
    expect(handler.code).toBe('SCRIPT_CONTENT');
  });

  it('decodes a GBK page', async () => {
    const iconv = await import('iconv-lite');
    const bytes = iconv.encode(page(`<p>${'一、推进消费。'.repeat(20)}</p>`), 'gbk');
    expect((await readDocument(bytes, 'a.html')).text).toContain('一、推进消费。');
  });
});

/** A PDF whose pages each show one line of text in Helvetica (no cross-reference table: pdf.js rebuilds it). */
function pdfOfPages(texts: string[]): string {
  const objects = ['<</Type/Catalog/Pages 2 0 R>>', ''];
  const kids = texts.map((text) => {
    const content = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
    objects.push(`<</Length ${content.length}>> stream\n${content}\nendstream`);
    objects.push(
      `<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents ${objects.length} 0 R/Resources <</Font <</F1 <</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>>>`,
    );
    return `${objects.length} 0 R`;
  });
  objects[1] = `<</Type/Pages/Kids[${kids.join(' ')}]/Count ${texts.length}>>`;
  const body = objects.map((object, index) => `${index + 1} 0 obj ${object} endobj`).join('\n');
  return `%PDF-1.4\n${body}\ntrailer <</Root 1 0 R>>\n%%EOF\n`;
}

describe('reading PDF', () => {
  it('refuses a PDF with an open password as encrypted', async () => {
    const error = await failure(readFileSync(join(__dirname, '__fixtures__', 'password.pdf')), 'a.pdf');
    expect(error.code).toBe('ENCRYPTED_DOCUMENT');
  });

  it('refuses a PDF with no text layer as scanned, not as "no measures"', async () => {
    const page = '0.5 g 100 100 400 600 re f';
    const pdf = `%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>> endobj\n4 0 obj <</Length ${page.length}>> stream\n${page}\nendstream endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n`;
    const error = await failure(Buffer.from(pdf), 'scan.pdf');
    expect(error.code).toBe('SCANNED_PDF');
    expect(error.message).toContain('扫描件');
  });

  it('gives every page back in page order, though two readers share the pages', async () => {
    const pages = await extractPdfItems(
      Buffer.from(pdfOfPages(['Page one', 'Page two', 'Page three', 'Page four', 'Page five'])),
    );
    expect(pages.map((items) => items.map((item) => item.text).join(''))).toEqual([
      'Page one',
      'Page two',
      'Page three',
      'Page four',
      'Page five',
    ]);
  });

  it('refuses a damaged PDF', async () => {
    expect((await failure(Buffer.from('%PDF-1.7\n这不是PDF的内容'), 'a.pdf')).code).toBe('CORRUPT_DOCUMENT');
  });
});

describe('laying out PDF text', () => {
  const CHAR = 10;
  /** A line cut into runs at the given places, each run placed where its characters print. */
  function runs(text: string, y: number, cuts: number[]): PdfItem[] {
    const chars = [...text];
    const points = [...new Set([0, ...cuts.map((cut) => cut % chars.length), chars.length])].sort((a, b) => a - b);
    return points.slice(0, -1).map((start, index) => {
      const piece = chars.slice(start, points[index + 1]).join('');
      return { text: piece, x: 72 + start * CHAR, y, width: piece.length * CHAR, height: CHAR };
    });
  }

  it('puts runs back into their lines and pages, whatever order pdf.js gives them (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            chineseText.map((text) => text.replace(/ /gu, '')).filter((text) => text.length > 0),
            { minLength: 1, maxLength: 6 },
          ),
          { minLength: 1, maxLength: 3 },
        ),
        fc.array(fc.nat(40), { maxLength: 4 }),
        fc.integer(),
        (pages, cuts, seed) => {
          const items = pages.map((lines) => {
            const placed = lines.flatMap((line, index) => runs(line, 800 - index * 20, cuts));
            return fc.sample(fc.shuffledSubarray(placed, { minLength: placed.length, maxLength: placed.length }), {
              numRuns: 1,
              seed,
            })[0]!;
          });
          // The last page carries enough text that four pages of it are not taken for a scan (10 a page),
          // however little the generated pages hold.
          const source = layoutPdf([
            ...items,
            [
              ...runs('第二页起始行文字内容填充', 800, []),
              ...runs('为了满足最少文字数量的要求', 780, []),
              ...runs('再加一行文字确保总数足够多', 760, []),
              ...runs('最后一行用于凑足页面字数', 740, []),
            ],
          ]);
          const lines = source.text.split('\n');
          expect(lines.slice(0, pages.flat().length)).toEqual(pages.flat());
          expect(source.places?.[0]).toEqual({ page: 1 });
          expect(source.places?.at(-1)).toEqual({ page: pages.length + 1 });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('places a quotation mark another font printed over a space of the run', () => {
    const line = [
      { text: '坚持 外防输入 总体策略', x: 100, y: 700, width: 120, height: 10 },
      { text: '“', x: 120, y: 700, width: 6, height: 10 },
      { text: '”', x: 170, y: 700, width: 6, height: 10 },
    ];
    const filler = runs('另一行文字用来凑足字数要求', 680, []).map((item) => ({ ...item, x: item.x + 28 }));
    // A space left between two Chinese characters is dropped when the parser joins the text.
    const first = layoutPdf([[...line, ...filler]]).text.split('\n')[0]!;
    expect(first.replace(/ /gu, '')).toBe('坚持“外防输入”总体策略');
  });

  it('marks a first-line indent and a wide gap between columns', () => {
    const items = [
      ...runs('序号', 800, []),
      { text: '牵头单位', x: 300, y: 800, width: 40, height: 10 },
      ...runs('正文从页边开始的一行文字', 780, []),
      { text: '缩进两字的新段落', x: 92, y: 760, width: 80, height: 10 },
    ];
    expect(layoutPdf([items]).text.split('\n')).toEqual([
      '序号\t牵头单位',
      '正文从页边开始的一行文字',
      '  缩进两字的新段落',
    ]);
  });
});
