import { DomainError } from '@app/common';
import { type CheckedAddresses, checkAddresses } from './person-address-rules';

export const ADDRESS_CSV_HEADER = ['username', 'dingtalkUserId', 'wecomUserId', 'mobile'] as const;
/** Rows a file may hold: enough for a province's users, small enough for one transaction. */
export const ADDRESS_CSV_MAX_ROWS = 20000;

export interface AddressCsvRow {
  line: number;
  username: string;
  addresses: CheckedAddresses;
}

export interface AddressRowProblem {
  line: number;
  field: string;
  code: string;
  message: string;
}

/** One line's cells; a cell may be quoted ("a,b" or "say ""x"""). Null when a quote is left open. */
function cells(line: string): string[] | null {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      out.push(cell);
      cell = '';
    } else cell += char;
  }
  if (quoted) return null;
  out.push(cell);
  return out.map((value) => value.trim());
}

function problemOf(line: number, error: unknown): AddressRowProblem {
  if (!(error instanceof DomainError)) throw error;
  return { line, field: error.details.field ?? 'row', code: error.code, message: error.message };
}

function rowOf(line: number, values: string[]): AddressCsvRow | AddressRowProblem {
  if (values.length !== ADDRESS_CSV_HEADER.length)
    return {
      line,
      field: 'row',
      code: 'CSV_COLUMNS',
      message: `应有 ${ADDRESS_CSV_HEADER.length} 列，实有 ${values.length} 列`,
    };
  const [username, dingtalkUserId, wecomUserId, mobile] = values;
  if (username === '') return { line, field: 'username', code: 'USERNAME_REQUIRED', message: '用户名不能为空' };
  try {
    const checked = checkAddresses({ dingtalkUserId, wecomUserId, mobile });
    const addresses: CheckedAddresses = { dingtalkUserId: null, wecomUserId: null, mobile: null, ...checked };
    return { line, username, addresses };
  } catch (error) {
    return problemOf(line, error);
  }
}

/**
 * Reads `username,dingtalkUserId,wecomUserId,mobile` (a header line of those names first, optional; a UTF-8
 * BOM and blank lines ignored; an empty cell clears that address). Every bad row is reported by its line.
 */
export function parseAddressCsv(text: string): { rows: AddressCsvRow[]; problems: AddressRowProblem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: AddressCsvRow[] = [];
  const problems: AddressRowProblem[] = [];
  const seen = new Map<string, number>();
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const values = cells(raw);
    if (values === null) return problems.push({ line, field: 'row', code: 'CSV_QUOTE', message: '引号未闭合' });
    if (line === 1 && values.join(',') === ADDRESS_CSV_HEADER.join(',')) return;
    const row = rowOf(line, values);
    if ('code' in row) return problems.push(row);
    const earlier = seen.get(row.username);
    if (earlier !== undefined)
      return problems.push({
        line,
        field: 'username',
        code: 'USERNAME_REPEATED',
        message: `用户 ${row.username} 已在第 ${earlier} 行出现`,
      });
    seen.set(row.username, line);
    rows.push(row);
  });
  if (rows.length + problems.length > ADDRESS_CSV_MAX_ROWS)
    problems.unshift({
      line: ADDRESS_CSV_MAX_ROWS + 1,
      field: 'row',
      code: 'CSV_TOO_MANY_ROWS',
      message: `最多 ${ADDRESS_CSV_MAX_ROWS} 行`,
    });
  return { rows, problems };
}

/** The rows, or one 400 listing every problem (nothing is imported then). */
export function addressCsvRowsOrThrow(parsed: {
  rows: AddressCsvRow[];
  problems: AddressRowProblem[];
}): AddressCsvRow[] {
  if (parsed.problems.length === 0 && parsed.rows.length === 0)
    throw new DomainError('invalid', 'CSV_EMPTY', 'CSV 中没有数据行', { field: 'csv' });
  if (parsed.problems.length > 0)
    throw new DomainError('invalid', 'CSV_ROWS_INVALID', `CSV 有 ${parsed.problems.length} 行不正确，未导入任何数据`, {
      field: 'csv',
      line: parsed.problems[0].line,
      rows: [...parsed.problems].sort((a, b) => a.line - b.line),
    });
  return parsed.rows;
}
