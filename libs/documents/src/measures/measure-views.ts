import type { QuantitativeTarget } from '../parsing/parse-result.types';
import type { UnitNameResolution } from '@app/units';

/** What the API and CLI show of documents and measures (field names in English, values as stored). */
export interface DocumentSummary {
  id: string;
  docNumber: string | null;
  title: string;
  issuer: string | null;
  issuedOn: string | null;
  planPeriod: { startYear: number; endYear: number } | null;
  revision: number;
  measureCount: number;
  needingAssignment: number;
  importedAt: string;
}

export interface ResponsibleUnitView {
  code: string;
  fullName: string;
  role: 'lead' | 'co';
}

export interface MeasureView {
  id: string;
  documentId: string;
  path: string;
  sectionTitles: string[];
  title: string;
  text: string;
  line: number;
  units: {
    raw: string | null;
    lead: string | null;
    co: string[];
    needsAssignment: boolean;
    assignmentSource: 'document' | 'supervisor';
    resolved: UnitNameResolution[];
    responsible: ResponsibleUnitView[];
  };
  deadline: { date: string | null; source: string; text: string | null };
  targets: QuantitativeTarget[];
  firstRevision: number;
  lastChangedRevision: number;
  /** 分解下达 already: its workflow (read from the workflow's table, which the launch writes). */
  launched: boolean;
  workflowId: string | null;
}
