import { chineseDateToDigits } from './chinese-numerals';
import type { SourceLine } from './lines';
import type { DocumentMetadata } from './parse-result.types';
import { explicitPeriod, fiveYearPlanPeriod, PlanPeriod } from './plan-period';
import { removeStraySpaces } from './text-join';
import { findTitle } from './title';

export interface ExtractedMetadata {
  document: DocumentMetadata;
  planPeriodText: string | null;
}

const DOC_NUMBER = /([\u4e00-\u9fa5]{1,12})[〔[【(﹝](\d{4})[〕\]】)﹞](\d{1,5})号/u;
const DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日/u;
const ISSUER_LIKE = /^[\u4e00-\u9fa5()]{2,30}$/u;
const ISSUER_SUFFIX = /(?:政府|办公厅|办公室|委员会|厅|局|委|部|院|会|领导小组|中心)$/u;
const MAX_HEADER_LINES = 150;
const MAX_LINE = 500;

/** Document number, title, issuer, date and plan period, read from the lines before the body. */
export function extractMetadata(lines: readonly SourceLine[], bodyStartLine: number | null): ExtractedMetadata {
  const header = lines
    .filter((line) => bodyStartLine === null || line.number < bodyStartLine)
    .slice(0, MAX_HEADER_LINES)
    .map((line) => ({ ...line, text: chineseDateToDigits(removeStraySpaces(line.text.slice(0, MAX_LINE))) }));
  const title = findTitle(header);
  const signature = findSignature(header);
  const period = findPeriod(title, header);
  return {
    document: {
      docNumber: findDocNumber(header),
      title,
      issuer: signature?.issuer ?? findIssuerFallback(header),
      issuedOn: signature?.date ?? printedOn(lines),
      planPeriod: period === null ? null : { startYear: period.startYear, endYear: period.endYear },
    },
    planPeriodText: period?.text ?? null,
  };
}

function findDocNumber(header: readonly SourceLine[]): string | null {
  const matches = header.flatMap((line) => {
    const match = DOC_NUMBER.exec(line.text);
    return match === null ? [] : [{ match, standalone: match[0] === line.text }];
  });
  // A number on its own line is the document's; one inside the text cites another document.
  const chosen = matches.find((entry) => entry.standalone) ?? matches.find((entry) => entry.match.index === 0);
  if (chosen === undefined) return null;
  const [, prefix, year, serial] = chosen.match;
  return `${prefix}〔${year}〕${Number(serial)}号`;
}

/** The date the document was signed, with the issuer on the line above or before it on the same line. */
function findSignature(header: readonly SourceLine[]): { issuer: string | null; date: string } | null {
  for (let i = 0; i < header.length; i++) {
    const text = header[i]!.text;
    const match = DATE.exec(text);
    if (match === null || match.index + match[0].length !== text.length || text.length > 45) continue;
    const date = isoDate(match);
    if (date === null) continue;
    const sameLine = text.slice(0, match.index).trim();
    const above = header[i - 1]?.text ?? '';
    const issuer = isIssuer(sameLine) ? sameLine : isIssuer(above) ? above : null;
    return { issuer, date };
  }
  return null;
}

function findIssuerFallback(header: readonly SourceLine[]): string | null {
  const masthead = header.find((line) => line.text.endsWith('文件') && isIssuer(line.text.slice(0, -2)));
  if (masthead !== undefined) return masthead.text.slice(0, -2);
  const wrapper = header.find((line) => line.text.indexOf('关于') > 1);
  const prefix = wrapper?.text.slice(0, wrapper.text.indexOf('关于'));
  return prefix !== undefined && isIssuer(prefix) ? prefix : null;
}

/** Last resort for the date: the `……年…月…日印发` line at the end. */
function printedOn(lines: readonly SourceLine[]): string | null {
  const printed = [...lines].reverse().find((line) => line.text.endsWith('印发'));
  const match = printed === undefined ? null : DATE.exec(printed.text);
  return match === null ? null : isoDate(match);
}

function findPeriod(title: string | null, header: readonly SourceLine[]): PlanPeriod | null {
  const fromTitle = title === null ? null : explicitPeriod(title);
  if (fromTitle !== null) return fromTitle;
  for (const line of header) {
    const period = explicitPeriod(line.text);
    if (period !== null) return period;
  }
  return title === null ? null : fiveYearPlanPeriod(title);
}

function isIssuer(text: string): boolean {
  return ISSUER_LIKE.test(text) && ISSUER_SUFFIX.test(text) && !text.includes('关于');
}

function isoDate(match: RegExpExecArray): string | null {
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > lastDay) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
