import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/common';
import type { Diagnostic } from '../parsing/parse-result.types';
import type { MeasureEntity } from '../persistence/measure.entity';
import type { DocumentSummary, MeasureView, ResponsibleUnitView } from './measure-views';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DOCUMENT_SUMMARY_SQL = `
  SELECT d.id, d.doc_number AS "docNumber", d.title, d.issuer, to_char(d.issued_on, 'YYYY-MM-DD') AS "issuedOn",
         d.plan_start_year AS "planStartYear", d.plan_end_year AS "planEndYear", d.current_revision AS revision,
         r.imported_at AS "importedAt",
         (SELECT count(*)::int FROM measures m WHERE m.document_id = d.id AND m.removed_in_revision IS NULL) AS "measureCount",
         (SELECT count(*)::int FROM measures m WHERE m.document_id = d.id AND m.removed_in_revision IS NULL AND m.needs_assignment) AS "needingAssignment"
  FROM documents d JOIN document_revisions r ON r.document_id = d.id AND r.revision = d.current_revision`;

interface DocumentSummaryRow extends Omit<DocumentSummary, 'planPeriod' | 'importedAt'> {
  planStartYear: number | null;
  planEndYear: number | null;
  importedAt: Date;
}

export interface MeasureFilter {
  needsAssignment?: boolean;
}

/** Read side of documents and measures. */
@Injectable()
export class DocumentQueries {
  constructor(private readonly dataSource: DataSource) {}

  async listDocuments(): Promise<DocumentSummary[]> {
    const rows: DocumentSummaryRow[] = await this.dataSource.query(
      `${DOCUMENT_SUMMARY_SQL} ORDER BY d.issued_on DESC NULLS LAST, d.title`,
    );
    return rows.map(toSummary);
  }

  /** A document by id or by 文号 (halfwidth digits, e.g. 晋政办发〔2022〕45号). */
  async getDocument(reference: string): Promise<DocumentSummary & { diagnostics: Diagnostic[] }> {
    const column = UUID.test(reference) ? 'd.id' : 'd.doc_number';
    const rows: (DocumentSummaryRow & { diagnostics: Diagnostic[] })[] = await this.dataSource.query(
      `SELECT * FROM (${DOCUMENT_SUMMARY_SQL.replace('SELECT d.id,', 'SELECT r.diagnostics, d.id,')} WHERE ${column}::text = $1) found`,
      [reference],
    );
    if (rows.length === 0)
      throw new DomainError('not_found', 'DOCUMENT_NOT_FOUND', `文件 ${reference} 不存在`, { field: 'document' });
    return { ...toSummary(rows[0]), diagnostics: rows[0].diagnostics };
  }

  async listMeasures(documentId: string, filter: MeasureFilter = {}): Promise<MeasureView[]> {
    const rows = await this.measureRows(
      'm.document_id = $1' + (filter.needsAssignment === undefined ? '' : ' AND m.needs_assignment = $2'),
      [documentId, ...(filter.needsAssignment === undefined ? [] : [filter.needsAssignment])],
    );
    return rows.map(toMeasureView);
  }

  async getMeasure(measureId: string): Promise<MeasureView> {
    if (!UUID.test(measureId))
      throw new DomainError('invalid', 'INVALID_MEASURE_ID', `措施编号 ${measureId} 格式不正确`, {
        field: 'measureId',
      });
    const [row] = await this.measureRows('m.id = $1', [measureId]);
    if (!row)
      throw new DomainError('not_found', 'MEASURE_NOT_FOUND', `措施 ${measureId} 不存在`, { field: 'measureId' });
    return toMeasureView(row);
  }

  /** A measure by document reference and numbering path, e.g. 晋政发〔2021〕21号 and 三.(一).1.1. */
  async findMeasure(documentReference: string, path: string): Promise<MeasureView> {
    const document = await this.getDocument(documentReference);
    const [row] = await this.measureRows('m.document_id = $1 AND m.path = $2', [document.id, path]);
    if (!row)
      throw new DomainError('not_found', 'MEASURE_NOT_FOUND', `${documentReference} 中没有编号为 ${path} 的措施`, {
        field: 'path',
      });
    return toMeasureView(row);
  }

  private measureRows(where: string, parameters: unknown[]): Promise<MeasureRow[]> {
    return this.dataSource.query(
      `SELECT m.id, m.document_id AS "documentId", m.path, m.section_titles AS "sectionTitles", m.title, m.text, m.line,
              m.units_raw AS "unitsRaw", m.lead_name AS "leadName", m.co_names AS "coNames", m.unit_resolution AS "unitResolution",
              m.needs_assignment AS "needsAssignment", m.assignment_source AS "assignmentSource",
              to_char(m.deadline, 'YYYY-MM-DD') AS deadline, m.deadline_source AS "deadlineSource", m.deadline_text AS "deadlineText",
              m.targets, m.first_revision AS "firstRevision", m.last_changed_revision AS "lastChangedRevision",
              (SELECT w.id FROM workflows w WHERE w.measure_id = m.id ORDER BY w.launched_at LIMIT 1) AS "workflowId",
              COALESCE((SELECT json_agg(json_build_object('code', u.code, 'fullName', u.full_name, 'role', mu.role) ORDER BY mu.position)
                        FROM measure_units mu JOIN units u ON u.code = mu.unit_code WHERE mu.measure_id = m.id), '[]') AS responsible
       FROM measures m WHERE ${where} AND m.removed_in_revision IS NULL ORDER BY m.position`,
      parameters,
    );
  }
}

type MeasureRow = Omit<MeasureEntity, 'createdAt' | 'updatedAt' | 'removedInRevision' | 'position'> & {
  responsible: ResponsibleUnitView[];
  workflowId: string | null;
};

function toSummary(row: DocumentSummaryRow): DocumentSummary {
  const { planStartYear, planEndYear, importedAt, ...rest } = row;
  const planPeriod =
    planStartYear !== null && planEndYear !== null ? { startYear: planStartYear, endYear: planEndYear } : null;
  return { ...rest, planPeriod, importedAt: new Date(importedAt).toISOString() };
}

function toMeasureView(row: MeasureRow): MeasureView {
  return {
    id: row.id,
    documentId: row.documentId,
    path: row.path,
    sectionTitles: row.sectionTitles,
    title: row.title,
    text: row.text,
    line: row.line,
    units: {
      raw: row.unitsRaw,
      lead: row.leadName,
      co: row.coNames,
      needsAssignment: row.needsAssignment,
      assignmentSource: row.assignmentSource,
      resolved: row.unitResolution,
      responsible: row.responsible,
    },
    deadline: { date: row.deadline, source: row.deadlineSource, text: row.deadlineText },
    targets: row.targets,
    firstRevision: row.firstRevision,
    lastChangedRevision: row.lastChangedRevision,
    launched: row.workflowId !== null,
    workflowId: row.workflowId,
  };
}
