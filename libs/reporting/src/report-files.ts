import type { ReportFigures } from './figures/report-figures';

/** The three outputs of a report, by the name the API and the CLI use for them. */
export const REPORT_FORMATS = ['docx', 'xlsx', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** e.g. 2022Q3-<document title>.docx, with the unit's name for a unit-limited report. */
export function reportFileName(
  figures: Pick<ReportFigures, 'quarter' | 'document' | 'scope'>,
  format: ReportFormat,
): string {
  const scope = figures.scope ? `-${figures.scope.unitName}` : '';
  return `${figures.quarter}-${figures.document.title}${scope}.${format}`.replace(/[\\/:*?"<>|]/g, '_');
}
