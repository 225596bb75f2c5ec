import {
  AlignmentType,
  BorderStyle,
  Footer,
  HeadingLevel,
  ImageRun,
  IStylesOptions,
  LineRuleType,
  PageNumber,
  Paragraph,
  ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';

/**
 * The building blocks of a bulletin laid out after GB/T 9704 (the format of Chinese official documents):
 * A4, 仿宋 三号 body text on a fixed 28 pt line, 黑体 for level-one headings, 楷体 for level-two headings.
 */

const FONT = { body: 'FangSong', heading: 'SimHei', subheading: 'KaiTi', title: 'SimHei' } as const;

// Sizes are in half-points, as docx takes them.
const SIZE = { title: 44, body: 32, table: 21, denseTable: 18, caption: 24, footer: 28 } as const;

/** A4 in twips, with the margins of GB/T 9704 (37 mm top, 35 mm bottom, 28 mm left, 26 mm right). */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: 2098, bottom: 1984, left: 1587, right: 1474, header: 851, footer: 992 },
} as const;

const CONTENT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
const TWIPS_PER_PIXEL = 15;
// Images are sized in pixels at 96 to the inch; leave a few lines of the page for the caption.
const IMAGE_MAX_WIDTH_PX = Math.floor(CONTENT_WIDTH / TWIPS_PER_PIXEL);
const IMAGE_MAX_HEIGHT_PX = Math.floor((PAGE.height - PAGE.margin.top - PAGE.margin.bottom) / TWIPS_PER_PIXEL) - 120;

const BODY_LINE = { line: 560, lineRule: LineRuleType.EXACT } as const;
const TWO_CHARACTERS = 640;
const HEADER_SHADING = { type: ShadingType.CLEAR, fill: 'D9D9D9', color: 'auto' } as const;
const THIN_LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

export const DOCUMENT_STYLES: IStylesOptions = {
  default: {
    document: { run: { font: FONT.body, size: SIZE.body } },
    heading1: {
      run: { font: FONT.heading, size: SIZE.body, bold: false, color: '000000' },
      paragraph: { spacing: { before: 240, after: 120, ...BODY_LINE }, keepNext: true },
    },
    heading2: {
      run: { font: FONT.subheading, size: SIZE.body, bold: true, color: '000000' },
      paragraph: {
        spacing: { before: 120, after: 60, ...BODY_LINE },
        keepNext: true,
        indent: { firstLine: TWO_CHARACTERS },
      },
    },
  },
};

export function titleParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 240, after: 360, line: 720, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, font: FONT.title, size: SIZE.title, bold: true })],
  });
}

export function centeredLine(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: BODY_LINE, children: [new TextRun(text)] });
}

export function heading1(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, indent: { firstLine: TWO_CHARACTERS }, text });
}

export function heading2(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, text });
}

/** A paragraph of body text: first line indented by two characters, justified. */
export function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: TWO_CHARACTERS },
    spacing: BODY_LINE,
    children: [new TextRun(text)],
  });
}

/** A paragraph that opens with a bold lead-in, as the excerpts' 【单位】措施 do. */
export function leadInParagraph(leadIn: string, text: string): Paragraph {
  // Left-aligned: justifying would stretch the bold lead-in when its Latin quarter (2022Q2) cannot break.
  return new Paragraph({
    alignment: AlignmentType.START,
    indent: { firstLine: TWO_CHARACTERS },
    spacing: BODY_LINE,
    children: [new TextRun({ text: leadIn, bold: true }), new TextRun(text)],
  });
}

export function listItem(text: string, reference: string, instance: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: BODY_LINE,
    numbering: { reference, level: 0, instance },
    children: [new TextRun(text)],
  });
}

/** A caption above a table: 黑体, smaller, centred, kept with the table. */
export function tableCaption(text: string): Paragraph {
  return captionParagraph(text, true);
}

/** A caption below a figure; it must not pull what follows onto the figure's page. */
export function figureCaption(text: string): Paragraph {
  return captionParagraph(text, false);
}

function captionParagraph(text: string, keepNext: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext,
    spacing: { before: 120, after: 120 },
    children: [new TextRun({ text, font: FONT.heading, size: SIZE.caption })],
  });
}

export function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: 'SimSun', size: SIZE.footer })],
      }),
    ],
  });
}

/** The chart, scaled to fit the text area with its proportions kept. */
export function imageParagraph(png: Buffer, altText: string): Paragraph {
  const { width, height } = pngSize(png);
  const scale = Math.min(IMAGE_MAX_WIDTH_PX / width, IMAGE_MAX_HEIGHT_PX / height);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
        altText: { name: altText, title: altText, description: altText },
      }),
    ],
  });
}

/** Width and height from the PNG's IHDR chunk, which always comes first. */
function pngSize(png: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (png.length < 24 || png.subarray(0, 8).toString('hex') !== signature) throw new Error('图表数据不是 PNG 图像');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export interface TableColumn {
  heading: string;
  /** Share of the text width, relative to the other columns. */
  weight: number;
  align?: 'left' | 'center';
}

/** A bordered table whose heading row repeats on every page and whose rows are not split across pages. */
export function dataTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[], dense = false): Table {
  const widths = columnWidths(columns);
  const size = dense ? SIZE.denseTable : SIZE.table;
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((column, i) => cell(column.heading, widths[i], size, 'center', true)),
  });
  const bodyRows = rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: columns.map((column, i) => cell(row[i] ?? '', widths[i], size, column.align ?? 'center', false)),
      }),
  );
  return new Table({
    rows: [headerRow, ...bodyRows],
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: {
      top: THIN_LINE,
      bottom: THIN_LINE,
      left: THIN_LINE,
      right: THIN_LINE,
      insideHorizontal: THIN_LINE,
      insideVertical: THIN_LINE,
    },
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
  });
}

function columnWidths(columns: readonly TableColumn[]): number[] {
  const total = columns.reduce((sum, column) => sum + column.weight, 0);
  const widths = columns.map((column) => Math.floor((CONTENT_WIDTH * column.weight) / total));
  // Give the rounding remainder to the widest column so the table fills the text width exactly.
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest] += CONTENT_WIDTH - widths.reduce((sum, width) => sum + width, 0);
  return widths;
}

function cell(text: string, width: number, size: number, align: 'left' | 'center', header: boolean): TableCell {
  const children: ParagraphChild[] = [new TextRun({ text, size, font: header ? FONT.heading : FONT.body })];
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    shading: header ? HEADER_SHADING : undefined,
    children: [
      new Paragraph({
        alignment: align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
        spacing: { line: 260, lineRule: LineRuleType.AUTO },
        children,
      }),
    ],
  });
}

/** The parts of a 通报's form (GB/T 9704): 红头, title block, 主送, 落款, 附件, 版记. */

const RED = 'C00000';
const RED_RULE = { style: BorderStyle.SINGLE, size: 18, color: RED, space: 6 } as const;
const THICK_RULE = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 } as const;
const THIN_RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 4 } as const;
const FOUR_CHARACTERS = 1280;

/** 红头: the masthead in large red characters. */
export function mastheadParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 240, after: 240 },
    children: [new TextRun({ text, font: FONT.title, size: 80, bold: true, color: RED })],
  });
}

/** 第X期, centred under the masthead. */
export function issueNumberParagraph(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: BODY_LINE, children: [new TextRun(text)] });
}

/** The office on the left, the issue date on the right, the red rule under both. */
export function issuingLine(office: string, date: string): Paragraph {
  return new Paragraph({
    spacing: { before: 120, after: 480 },
    tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
    border: { bottom: RED_RULE },
    children: [new TextRun(office), new TextRun({ text: `\t${date}` })],
  });
}

/** The title, broken into the lines given (between words), centred. */
export function titleLinesParagraph(lines: readonly string[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 240, after: 360, line: 720, lineRule: LineRuleType.EXACT },
    children: lines.map(
      (line, index) =>
        new TextRun({ text: line, font: FONT.title, size: SIZE.title, bold: true, break: index > 0 ? 1 : 0 }),
    ),
  });
}

/** A line flush left, as 主送 is. */
export function flushLeftLine(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.START, spacing: BODY_LINE, children: [new TextRun(text)] });
}

/** 落款 and the date under it, right-aligned four characters from the margin. */
export function signatureLines(signatory: string, date: string): Paragraph[] {
  return [signatory, date].map(
    (text, index) =>
      new Paragraph({
        alignment: AlignmentType.END,
        indent: { right: FOUR_CHARACTERS },
        spacing: { ...BODY_LINE, before: index === 0 ? 560 : 0 },
        children: [new TextRun(text)],
      }),
  );
}

/** 附件：1．… with the later items under the first. */
export function attachmentList(titles: readonly string[]): Paragraph[] {
  return titles.map(
    (title, index) =>
      new Paragraph({
        indent: index === 0 ? { firstLine: TWO_CHARACTERS } : { left: TWO_CHARACTERS + 960 },
        spacing: { ...BODY_LINE, before: index === 0 ? 280 : 0 },
        children: [new TextRun(`${index === 0 ? '附件：' : ''}${index + 1}．${title}`)],
      }),
  );
}

/** 附件1 on a new page, then the attachment's title. */
export function attachmentHeading(number: number, title: string): Paragraph[] {
  return [
    new Paragraph({
      pageBreakBefore: true,
      spacing: BODY_LINE,
      children: [new TextRun({ text: `附件${number}`, font: FONT.heading })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240 },
      children: [new TextRun({ text: title, font: FONT.title, size: 36 })],
    }),
  ];
}

/** 版记: 抄送 (when there is one), then the printing office and the date, between rules. */
export function imprint(copyTo: string | null, printingOffice: string, date: string): Paragraph[] {
  const line = (text: string, first: boolean, last: boolean, children: ParagraphChild[]) =>
    new Paragraph({
      spacing: { before: first ? 560 : 0, line: 400, lineRule: LineRuleType.EXACT },
      indent: { left: 320, right: 320 },
      tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH - 640 }],
      border: { ...(first ? { top: THICK_RULE } : {}), bottom: last ? THICK_RULE : THIN_RULE },
      children: children.length > 0 ? children : [new TextRun({ text, size: 28 })],
    });
  const lines: Paragraph[] = [];
  if (copyTo) lines.push(line(`抄送：${copyTo}。`, true, false, []));
  lines.push(
    line('', lines.length === 0, true, [
      new TextRun({ text: printingOffice, size: 28 }),
      new TextRun({ text: `\t${date}印发`, size: 28 }),
    ]),
  );
  return lines;
}
