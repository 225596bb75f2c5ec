/**
 * The parser's output. Other systems read it as JSON (`cli parse FILE --json`): keep the shape stable.
 * Dates are YYYY-MM-DD; names are as written in the document, with width and white space normalised.
 */
import type { UnitNameResolution } from '@app/units';
import type { SourceFormat } from './source-document';

export interface DocumentMetadata {
  docNumber: string | null;
  title: string | null;
  issuer: string | null;
  issuedOn: string | null;
  planPeriod: { startYear: number; endYear: number } | null;
}

export interface SectionNode {
  /** Numbering path with halfwidth digits, e.g. `二`, `二.(一)`, `三.(一).1`. */
  path: string;
  numbering: string;
  title: string;
  level: number;
  line: number;
  children: SectionNode[];
}

export type DeadlineSource = 'measure_text' | 'completion_column' | 'plan_period' | 'none';

/** `date`: a day; `ongoing`: 长期坚持, 持续推进 (no end); `recurring`: 每季度, 每年 (a rhythm, no end). */
export type DeadlineKind = 'date' | 'ongoing' | 'recurring' | 'none';

export interface MeasureDeadline {
  date: string | null;
  source: DeadlineSource;
  /** The words the date came from, e.g. `2022年底前`; null when none. */
  text: string | null;
  kind: DeadlineKind;
}

export type TargetComparator = 'eq' | 'gte' | 'lte' | 'gt' | 'lt' | 'range' | 'approx';

export interface QuantitativeTarget {
  /** The phrase as written (halfwidth), e.g. `新创建1-3家国家5A级旅游景区`. */
  text: string;
  comparator: TargetComparator;
  value: number | null;
  min: number | null;
  max: number | null;
  /** Unit of measure: 个, 家, 项, %, 万人 … */
  unit: string;
  /** What is counted, e.g. `国家5A级旅游景区`. */
  subject: string;
}

export interface MeasureUnits {
  /** The responsibility clause as written, e.g. `省文旅厅、省林草局`; null when the measure names no units. */
  raw: string | null;
  lead: string | null;
  co: string[];
  /** True when a supervisor must name units before launch: none named, a placeholder, or an unknown name. */
  needsAssignment: boolean;
  /** One entry per name in `[lead, ...co]`, in that order. */
  resolved: UnitNameResolution[];
  /** Every unit marked as leading (`A、B牵头`); `[lead]` when one leads, empty when none is named. */
  leadGroup: string[];
  /** The lead unit's own divisions named after it (`省交通运输厅综合规划处、财务处` → 综合规划处, 财务处). */
  divisions: string[];
}

/** Where a measure or a diagnostic sits in the original file. */
export interface SourceLocation {
  /** Line of the text the parser read (the stored source text). */
  line: number | null;
  page: number | null;
  paragraph: number | null;
  table: number | null;
  row: number | null;
  /** As a person would look for it: `第12行`, `第3段`, `表1第4行`, `第2页`. */
  label: string;
}

export interface ParsedMeasure {
  path: string;
  /** Titles of the enclosing sections, outermost first. */
  sectionTitles: string[];
  title: string;
  text: string;
  line: number;
  units: MeasureUnits;
  deadline: MeasureDeadline;
  targets: QuantitativeTarget[];
  location: SourceLocation;
}

export type DiagnosticLevel = 'error' | 'warning' | 'info';

export interface Diagnostic {
  level: DiagnosticLevel;
  line: number | null;
  code: string;
  /** Shown to bureaus: Chinese. */
  message: string;
  measurePath: string | null;
  location: SourceLocation | null;
}

export interface ParseResult {
  document: DocumentMetadata;
  sections: SectionNode[];
  measures: ParsedMeasure[];
  diagnostics: Diagnostic[];
  /** `utf-8` or `gbk`: what the bytes were decoded from. */
  encoding: string;
  /** The file's format: txt, docx, doc, pdf or html. */
  format: SourceFormat;
}
