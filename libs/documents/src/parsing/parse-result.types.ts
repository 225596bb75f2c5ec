/**
 * The parser's output. Other systems read it as JSON (`cli parse FILE --json`): keep the shape stable.
 * Dates are YYYY-MM-DD; names are as written in the document, with width and white space normalised.
 */
import type { UnitNameResolution } from '@app/units';

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

export interface MeasureDeadline {
  date: string | null;
  source: DeadlineSource;
  /** The words the date came from, e.g. `2022年底前`; null when none. */
  text: string | null;
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
}

export type DiagnosticLevel = 'error' | 'warning' | 'info';

export interface Diagnostic {
  level: DiagnosticLevel;
  line: number | null;
  code: string;
  /** Shown to bureaus: Chinese. */
  message: string;
  measurePath: string | null;
}

export interface ParseResult {
  document: DocumentMetadata;
  sections: SectionNode[];
  measures: ParsedMeasure[];
  diagnostics: Diagnostic[];
  /** `utf-8` or `gbk`: what the bytes were decoded from. */
  encoding: string;
}
