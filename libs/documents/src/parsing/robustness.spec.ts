import * as fc from 'fast-check';
import { loadSeedUnitDirectory } from '@app/units';
import { DocumentParseError, MAX_DOCUMENT_BYTES, parseDocument, ParseResult } from './index';

const resolver = loadSeedUnitDirectory();
// How fast these inputs go is measured by `npm run bench` (documents.worst_case_parse_ms): a test on a
// loaded machine can bound the work, not the seconds. A step worse than linear would take minutes on them,
// and jest's per-test bound stops it.

/** Parses, returning the result or the DocumentParseError; any other exception fails the test. */
function attempt(input: Buffer | string): ParseResult | DocumentParseError {
  try {
    return parseDocument(input, { resolver, asOf: '2022-07-01' });
  } catch (error) {
    if (error instanceof DocumentParseError) return error;
    throw error;
  }
}

/** Invariants of any result; checked without an expect per measure, as results can hold many thousands. */
function inconsistencies(result: ParseResult): string[] {
  const problems: string[] = [];
  if (result.measures.length === 0) problems.push('a result without measures');
  for (const measure of result.measures) {
    const names = measure.units.lead === null ? [] : [measure.units.lead, ...measure.units.co];
    const resolvedNames = measure.units.resolved.map((resolution) => resolution.name);
    if (resolvedNames.join('\u0001') !== names.join('\u0001')) problems.push(`${measure.path}: resolved names differ`);
    const unresolved = measure.units.resolved.some(
      (resolution) => resolution.kind === 'unknown' || resolution.kind === 'placeholder',
    );
    const leadLeftOut = result.diagnostics.some((d) => d.code === 'LEAD_MISSING' && d.measurePath === measure.path);
    if (measure.units.needsAssignment !== (names.length === 0 || unresolved || leadLeftOut))
      problems.push(`${measure.path}: needsAssignment`);
    if (measure.deadline.date !== null && !/^\d{4}-\d{2}-\d{2}$/u.test(measure.deadline.date))
      problems.push(`${measure.path}: date`);
  }
  return problems;
}

function expectConsistent(outcome: ParseResult | DocumentParseError): void {
  if (outcome instanceof DocumentParseError) return;
  expect(inconsistencies(outcome)).toEqual([]);
}

describe('robustness', () => {
  it('rejects a million 、 as too large', () => {
    const outcome = attempt('、'.repeat(1_000_000));
    expect(outcome).toBeInstanceOf(DocumentParseError);
    expect((outcome as DocumentParseError).code).toBe('DOCUMENT_TOO_LARGE');
  });

  /** prefix + unit repeated to fill `bytes` (by default just under the size limit). */
  const fill = (prefix: string, unit: string, bytes = MAX_DOCUMENT_BYTES): string =>
    prefix + unit.repeat(Math.floor((bytes - Buffer.byteLength(prefix)) / Buffer.byteLength(unit)));
  const QUARTER = MAX_DOCUMENT_BYTES / 4;

  it.each<[string, string]>([
    ['、 up to the size limit', fill('', '、')],
    ['one long run of digits', fill('', '1')],
    ['spaces between two letters', `${fill('a', ' ', MAX_DOCUMENT_BYTES - 1)}b`],
    ['an item heading then colons', fill('1.', ':')],
    ['dots after a part heading', fill('一、', '.')],
    ['unclosed clauses', fill('一、任务\n', '(责任单位:')],
    ['clause labels', fill('一、任务\n1.做\n', '责任单位:')],
    ['completion labels', fill('一、任务\n1.做\n', '完成时限:')],
    ['nested open parentheses', fill('一、任务\n1.做(', '(')],
    ['years with deadline words', fill('1.做', '到2025年底前')],
    ['年 alone', fill('', '年')],
    ['book-title marks', fill('', '《')],
    ['numbers with units and ranges', fill('一、任务\n1.做.', '新建1-3个')],
    ['one-letter lines', fill('', 'a\n')],
    ['blank lines', fill('一、任务\n1.做事.', '\n')],
    ['part headings', fill('', '一、任务\n', QUARTER)],
    ['item headings', fill('一、任务\n', '1.做事.\n2.做事.\n', QUARTER)],
    ['measures with clauses', fill('一、任务\n', '1.做事.(责任单位:省文旅厅、省林草局)\n', QUARTER)],
    ['headed paragraphs', fill('一、任务\n', '推进建设。以打通通道为重点。\n', QUARTER)],
    ['table rows', fill('序号\t重点任务\t牵头单位\n', '1\t做事\t省文旅厅\n', QUARTER)],
    ['table-of-contents lines', fill('目录\n', '一、总体要求 ... 4\n', QUARTER)],
  ])('parses or rejects %s, consistently', (_name, text) => {
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES);
    expectConsistent(attempt(text));
  });

  const ALPHABET = [
    '一',
    '二',
    '三',
    '、',
    '(',
    ')',
    '（',
    '）',
    '1',
    '2',
    '２',
    '.',
    '．',
    '。',
    ',',
    '，',
    ':',
    '：',
    ';',
    '；',
    '责任单位',
    '牵头单位',
    '配合单位',
    '完成时限',
    '省文旅厅',
    '各市政府',
    '各相关部门',
    '省某局',
    '总体要求',
    '目录',
    '\n',
    '\n\n',
    ' ',
    '\u3000',
    '\t',
    '|',
    '年',
    '2025年',
    '底前',
    '到',
    '个',
    '家',
    '%',
    '-',
    '抄送',
    '印发',
    '推进建设。',
    '晋政办发〔2022〕45号',
    '关于印发',
    '的通知',
    '十四五',
    '序号\t重点任务\t牵头单位',
    '①',
    '第一章',
    '\f',
    '\u0000',
    '\ud800',
  ];
  const documentLike = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 300 }).map((parts) => parts.join(''));

  it('gives a result or a DocumentParseError for any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(documentLike, fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })),
        (text) => {
          expectConsistent(attempt(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives a result or a DocumentParseError for any bytes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          documentLike.map((text) => new TextEncoder().encode(text)),
        ),
        (bytes) => {
          expectConsistent(attempt(Buffer.from(bytes)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
