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
import type { SourceDocument } from './source-document';
import { locator } from './source-location';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

export interface ParseOptions {
  resolver: UnitNameResolver;
  /** The date unit names are resolved as of (YYYY-MM-DD). */
  asOf: string;
}

/**
 * Reads a policy document into its metadata, section tree and measures. Pure: no I/O.
 * Takes plain text (bytes or a string) or a document a reader took from its Word, PDF or HTML file.
 */
export function parseDocument(input: Buffer | string | SourceDocument, options: ParseOptions): ParseResult {
  // A caller's mistake, not the document's: fail the same way whether or not the document names units.
  if (!ISO_DATE.test(options.asOf))
    throw new RangeError(`parseDocument: asOf "${options.asOf}" is not a YYYY-MM-DD date`);
  const source = toSource(input);
  const lines = toSourceLines(source.text);
  if (lines.length === 0) throw new DocumentParseError('EMPTY_DOCUMENT', '文件为空：没有可以识别的文字内容。');
  const log = new DiagnosticLog();
  const locate = locator(source);
  const layout = analyseLayout(lines, source.linesAreParagraphs);
  const root = buildSectionTree(classifyLines(lines, log), layout, log);
  const firstSection = root.children[0]?.node.line ?? null;
  const { document, planPeriodText } = extractMetadata(lines, firstSection);
  const drafts = extractDrafts(root, layout, log);
  if (drafts.length === 0) throw noMeasures();
  const planPeriod = document.planPeriod === null ? null : { ...document.planPeriod, text: planPeriodText ?? '' };
  const context = { resolver: options.resolver, asOf: options.asOf, log, planPeriod, locate };
  const measures = drafts.map((draft) => finishMeasure(draft, context));
  const diagnostics = log.list(locate);
  return {
    document,
    sections: root.node.children,
    measures,
    diagnostics,
    encoding: source.encoding,
    format: source.format,
  };
}

function toSource(input: Buffer | string | SourceDocument): SourceDocument {
  if (typeof input !== 'string' && !Buffer.isBuffer(input)) {
    assertPlausibleText(input.text);
    return input;
  }
  if (typeof input === 'string') assertPlausibleText(input);
  const { text, encoding } = typeof input === 'string' ? { text: input, encoding: 'utf-8' } : decodeDocument(input);
  return { format: 'txt', encoding, text, places: null, linesAreParagraphs: false };
}

function noMeasures(): DocumentParseError {
  return new DocumentParseError(
    'NO_MEASURES',
    '未识别到任何措施：文件中没有编号条目（如“一、”“（一）”“1.”）、任务分工表或带“（责任单位：…）”的段落。请确认上传的是政策文件正文。',
  );
}
