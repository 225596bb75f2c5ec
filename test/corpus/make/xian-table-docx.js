// Writes the 西安 分工方案 as Word would hold it: the notice as paragraphs, then the task table with
// its real merged cells (the category row spans every column; 序号 and 部署任务 run down two rows).
// Usage (from the repository root): node test/corpus/make/xian-table-docx.js OUT.docx
const { writeFileSync, readFileSync } = require('node:fs');
const {
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} = require('docx');
const text = readFileSync('test/corpus/text/xian-fangguanfu-2022.txt', 'utf8')
  .split('\n')
  .filter((l) => l.trim());
const tableStart = text.findIndex((line) => line.startsWith('序号 |'));
const cells = (line) =>
  line
    .replace(/\|\s*$/, '')
    .split('|')
    .map((cell) => cell.trim());
const cell = (value, options = {}) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun(value)] })], ...options });
const header = cells(text[tableStart]);
const category = cells(text[tableStart + 1])[0];
const first = cells(text[tableStart + 2]);
const second = cells(text[tableStart + 3]);
const rows = [
  new TableRow({ children: header.map((value) => cell(value)), tableHeader: true }),
  new TableRow({ children: [cell(category, { columnSpan: header.length })] }),
  new TableRow({
    children: [
      cell(first[0], { verticalMerge: VerticalMergeType.RESTART }),
      cell(first[1], { verticalMerge: VerticalMergeType.RESTART }),
      ...first.slice(2, 7).map((value) => cell(value)),
    ],
  }),
  new TableRow({
    children: [
      cell('', { verticalMerge: VerticalMergeType.CONTINUE }),
      cell('', { verticalMerge: VerticalMergeType.CONTINUE }),
      ...second.slice(0, 5).map((value) => cell(value)),
    ],
  }),
];
const document = new Document({
  sections: [
    {
      children: [
        ...text.slice(0, tableStart).map((line) => new Paragraph({ children: [new TextRun(line)] })),
        new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }),
      ],
    },
  ],
});
Packer.toBuffer(document).then((buffer) => writeFileSync(process.argv[2], buffer));
