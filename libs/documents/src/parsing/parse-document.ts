import type { UnitNameResolver } from '@app/units';
import { classifyLines } from './classify';
import { assertPlausibleText, decodeDocument } from './decode';
import { DiagnosticLog } from './diagnostics';
import { DocumentParseError } from './errors';
import { analyseLayout } from './layout';
import { toSourceLines } from './lines';
import { finishMeasure } from './measure-finish';
import { extractDrafts } from './measure-extraction';
import { extractMetadata } from './metadata';
import type { ParseResult } from './parse-result.types';
import { buildSectionTree } from './section-tree';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

export interface ParseOptions {
  resolver: UnitNameResolver;
  /** The date unit names are resolved as of (YYYY-MM-DD). */
  asOf: string;
}

/** Reads a policy document into its metadata, section tree and measures. Pure: no I/O. */
export function parseDocument(input: Buffer | string, options: ParseOptions): ParseResult {
  // A caller's mistake, not the document's: fail the same way whether or not the document names units.
  if (!ISO_DATE.test(options.asOf))
    throw new RangeError(`parseDocument: asOf "${options.asOf}" is not a YYYY-MM-DD date`);
  const { text, encoding } = typeof input === 'string' ? checkedString(input) : decodeDocument(input);
  const lines = toSourceLines(text);
  if (lines.length === 0) throw new DocumentParseError('EMPTY_DOCUMENT', '文件为空：没有可以识别的文字内容。');
  const log = new DiagnosticLog();
  const layout = analyseLayout(lines);
  const root = buildSectionTree(classifyLines(lines, log), layout, log);
  const firstSection = root.children[0]?.node.line ?? null;
  const { document, planPeriodText } = extractMetadata(lines, firstSection);
  const drafts = extractDrafts(root, layout, log);
  if (drafts.length === 0) throw noMeasures();
  const planPeriod = document.planPeriod === null ? null : { ...document.planPeriod, text: planPeriodText ?? '' };
  const context = { resolver: options.resolver, asOf: options.asOf, log, planPeriod };
  const measures = drafts.map((draft) => finishMeasure(draft, context));
  return { document, sections: root.node.children, measures, diagnostics: log.list(), encoding };
}

function checkedString(text: string): { text: string; encoding: 'utf-8' } {
  assertPlausibleText(text);
  return { text, encoding: 'utf-8' };
}

function noMeasures(): DocumentParseError {
  return new DocumentParseError(
    'NO_MEASURES',
    '未识别到任何措施：文件中没有编号条目（如“一、”“（一）”“1.”）、任务分工表或带“（责任单位：…）”的段落。请确认上传的是政策文件正文。',
  );
}
