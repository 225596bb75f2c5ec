import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, DomainError } from '@app/common';
import { RANKING_GROUP_OF_KIND, type UnitKind } from '@app/units';
import { WorkingCalendar, type Quarter } from '@app/calendar';
import { DocumentLadderService } from '@app/scheduling';
import type {
  ApprovedReportInput,
  EscalationInput,
  MeasureInput,
  ReportInputs,
  WorkflowInput,
} from './figures/report-inputs';
import type { HistoryEvent } from './figures/task-history';
import { BulletinSettingsService, defaultBulletinSettings } from './bulletin-settings.service';
import { issuingBodyOf } from './issuing-body';

export interface ReportRequestKey {
  documentId: string;
  quarter: Quarter;
  asOf: Date;
  scopeUnitCode: string | null;
}

/** Reads what a report is computed from, as of its moment, in one consistent snapshot of the database. */
@Injectable()
export class ReportInputsLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ladders: DocumentLadderService,
    private readonly calendar: WorkingCalendar,
    private readonly config: AppConfig,
    private readonly bulletinSettings: BulletinSettingsService,
  ) {}

  async load(key: ReportRequestKey): Promise<ReportInputs> {
    const { ladder } = await this.ladders.effective(key.documentId);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const document = await this.document(manager, key.documentId);
      const parameters = [key.documentId, key.asOf];
      const issuingBody = await issuingBodyOf(manager, key.documentId);
      return {
        document,
        issuingBody,
        bulletinSettings:
          (await this.bulletinSettings.stored(manager, key.documentId)) ?? defaultBulletinSettings(issuingBody),
        quarter: key.quarter,
        asOf: key.asOf,
        scopeUnitCode: key.scopeUnitCode,
        ...(await this.units(manager)),
        minDueTasksForRanking: this.config.REPORT_MIN_DUE_TASKS,
        assessmentWeights: {
          onTime: this.config.ASSESSMENT_WEIGHT_ON_TIME,
          lateAcknowledgement: this.config.ASSESSMENT_WEIGHT_LATE_ACKNOWLEDGEMENT,
          missingReport: this.config.ASSESSMENT_WEIGHT_MISSING_REPORT,
          supervised: this.config.ASSESSMENT_WEIGHT_SUPERVISED,
          flagged: this.config.ASSESSMENT_WEIGHT_FLAGGED,
        },
        measures: await this.measures(manager, key.documentId),
        workflows: await manager.query<WorkflowInput[]>(
          `SELECT id, measure_id AS "measureId", launched_at AS "launchedAt" FROM workflows WHERE document_id = $1 AND launched_at <= $2`,
          parameters,
        ),
        events: await this.events(manager, parameters),
        escalations: await manager.query<EscalationInput[]>(
          `SELECT s.task_id AS "taskId", s.escalation_level AS level, s.delivered_at AS "deliveredAt"
           FROM scheduled_steps s JOIN tasks t ON t.id = s.task_id JOIN workflows w ON w.id = t.workflow_id
           WHERE w.document_id = $1 AND s.kind = 'escalation' AND s.state = 'delivered' AND s.delivered_at <= $2`,
          parameters,
        ),
        approvedReports: await manager.query<ApprovedReportInput[]>(
          `SELECT p.task_id AS "taskId", p.quarter, p.percent_done AS "percentDone", p.text, p.target_actuals AS "targetActuals", p.reviewed_at AS "approvedAt"
           FROM progress_reports p JOIN tasks t ON t.id = p.task_id JOIN workflows w ON w.id = t.workflow_id
           WHERE w.document_id = $1 AND p.state = 'approved' AND p.reviewed_at <= $2`,
          parameters,
        ),
        ladder,
        calendar: this.calendar,
      };
    });
  }

  private async document(manager: EntityManager, documentId: string): Promise<ReportInputs['document']> {
    const [document]: ReportInputs['document'][] = await manager.query(
      `SELECT id, title, doc_number AS "docNumber", issuer FROM documents WHERE id = $1`,
      [documentId],
    );
    if (!document)
      throw new DomainError('not_found', 'DOCUMENT_NOT_FOUND', `文件 ${documentId} 不存在`, { field: 'documentId' });
    return document;
  }

  private async units(manager: EntityManager): Promise<Pick<ReportInputs, 'unitNames' | 'unitGroups'>> {
    const rows: { code: string; shortName: string; kind: UnitKind }[] = await manager.query(
      `SELECT code, short_name AS "shortName", kind FROM units`,
    );
    return {
      unitNames: new Map(rows.map((row) => [row.code, row.shortName])),
      unitGroups: new Map(rows.map((row) => [row.code, RANKING_GROUP_OF_KIND[row.kind] ?? 'unranked'])),
    };
  }

  private measures(manager: EntityManager, documentId: string): Promise<MeasureInput[]> {
    return manager.query(
      `SELECT m.id, m.path, m.position, m.title, m.section_titles AS "sectionTitles", m.targets, m.needs_assignment AS "needsAssignment",
              added.imported_at AS "existsFrom", removed.imported_at AS "removedFrom"
       FROM measures m
       JOIN document_revisions added ON added.document_id = m.document_id AND added.revision = m.first_revision
       LEFT JOIN document_revisions removed ON removed.document_id = m.document_id AND removed.revision = m.removed_in_revision
       WHERE m.document_id = $1`,
      [documentId],
    );
  }

  private events(manager: EntityManager, parameters: unknown[]): Promise<HistoryEvent[]> {
    return manager.query(
      `SELECT e.task_id AS "taskId", e.workflow_id AS "workflowId", e.seq, e.action, e.to_state AS "toState", e.payload, e.occurred_at AS "occurredAt"
       FROM task_events e JOIN workflows w ON w.id = e.workflow_id
       WHERE w.document_id = $1 AND e.occurred_at <= $2 AND e.task_id IS NOT NULL
       ORDER BY e.workflow_id, e.seq`,
      parameters,
    );
  }
}
