/** Task-division tables: 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限, as tab- or `|`-separated rows. */

export type TableColumn = 'seq' | 'task' | 'content' | 'lead' | 'co' | 'responsible' | 'deadline';
export type CellDelimiter = '\t' | '|';

export interface TableHeader {
  delimiter: CellDelimiter;
  columns: ReadonlyMap<TableColumn, number>;
  signature: string;
}

export interface TableRow {
  header: TableHeader;
  cells: string[];
  line: number;
}

const COLUMN_NAMES: readonly (readonly [TableColumn, readonly string[]])[] = [
  ['seq', ['序号', '编号']],
  ['lead', ['牵头单位', '牵头部门', '牵头责任单位', '主办单位', '主责单位', '牵头']],
  ['co', ['配合单位', '配合部门', '参与单位', '协同单位', '协办单位', '配合']],
  ['responsible', ['责任单位', '责任部门', '责任主体', '责任处室']],
  ['deadline', ['完成时限', '完成时间', '时间节点', '时限要求', '完成期限', '时限']],
  // Content before task: `任务内容`, `具体任务` are the content column, not the task column.
  [
    'content',
    [
      '具体措施',
      '工作措施',
      '落实措施',
      '任务内容',
      '工作内容',
      '主要内容',
      '具体内容',
      '工作举措',
      '措施',
      '具体任务',
    ],
  ],
  [
    'task',
    [
      '重点任务',
      '主要任务',
      '工作任务',
      '任务名称',
      '重点工作',
      '工作事项',
      '任务事项',
      '目标任务',
      '部署任务',
      '任务',
    ],
  ],
];
/** A header cell is a short label: `陕西省《工作要点》部署任务` is one, a sentence is not. */
const MAX_HEADER_CELL = 20;

/** The cells of a row, or null when the line is not delimited. */
export function splitCells(text: string): { delimiter: CellDelimiter; cells: string[] } | null {
  if (text.includes('\t')) return { delimiter: '\t', cells: text.split('\t').map((cell) => cell.trim()) };
  if (!text.includes('|')) return null;
  const inner = text.startsWith('|') ? text.slice(1) : text;
  const body = inner.endsWith('|') ? inner.slice(0, -1) : inner;
  return { delimiter: '|', cells: body.split('|').map((cell) => cell.trim()) };
}

export function matchTableHeader(text: string): TableHeader | null {
  const split = splitCells(text);
  if (split === null || split.cells.length < 2 || split.cells.length > 12) return null;
  const columns = new Map<TableColumn, number>();
  split.cells.forEach((cell, index) => {
    const column = columnOf(cell.replace(/\s/gu, ''));
    if (column !== null && !columns.has(column)) columns.set(column, index);
  });
  const hasWork = columns.has('task') || columns.has('content');
  const hasUnits = columns.has('lead') || columns.has('responsible');
  if (!hasWork || !hasUnits) return null;
  // Beside a 牵头单位 column, 责任单位 names the units that work with the lead.
  const responsible = columns.get('responsible');
  if (columns.has('lead') && !columns.has('co') && responsible !== undefined) {
    columns.delete('responsible');
    columns.set('co', responsible);
  }
  return { delimiter: split.delimiter, columns, signature: split.cells.join('|') };
}

/** A markdown rule row such as `|---|:---:|`. */
export function isRuleRow(cells: readonly string[]): boolean {
  return cells.every((cell) => /^:?-{0,200}:?$/u.test(cell)) && cells.some((cell) => cell.includes('-'));
}

export function cellOf(row: TableRow, column: TableColumn): string {
  const index = row.header.columns.get(column);
  return index === undefined ? '' : (row.cells[index] ?? '').trim();
}

/** Rows a PDF wrapped: a row with an empty 序号 continues the row before it. */
export function mergeContinuationRows(rows: readonly TableRow[]): TableRow[] {
  const merged: TableRow[] = [];
  for (const row of rows) {
    const previous = merged[merged.length - 1];
    const continues = previous !== undefined && row.header.columns.has('seq') && cellOf(row, 'seq') === '';
    if (!continues) {
      merged.push({ ...row, cells: [...row.cells] });
      continue;
    }
    row.cells.forEach((cell, index) => {
      previous.cells[index] = (previous.cells[index] ?? '') + cell;
    });
  }
  return merged;
}

function columnOf(cell: string): TableColumn | null {
  if (cell.length === 0 || cell.length > MAX_HEADER_CELL) return null;
  for (const [column, names] of COLUMN_NAMES) {
    if (names.some((name) => cell.includes(name))) return column;
  }
  return null;
}
