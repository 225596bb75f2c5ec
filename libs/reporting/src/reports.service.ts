import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { hasAnyRole, type Actor } from '@app/access';
import { Clock, DomainError } from '@app/common';
import { Metrics } from '@app/metrics';
import { formatQuarter, parseQuarter, type Quarter } from '@app/calendar';
import { quarterEndMoment, quarterStartMoment } from './figures/compute-report';
import type { ReportFigures } from './figures/report-figures';
import { renderJson } from './render';
import { REPORT_CONTENT_TYPES, reportFileName, type ReportFormat } from './report-files';
import { jobId, JobQueue, UnitOfWork, type WakeUp, type Work } from '@app/queues';

export type ReportState = 'queued' | 'running' | 'done' | 'failed';
export type ReportOrigin = 'on_demand' | 'scheduled';

export interface ReportView {
  id: string;
  documentId: string;
  quarter: string;
  asOf: Date;
  /** null: every unit's figures. */
  scopeUnitCode: string | null;
  origin: ReportOrigin;
  state: ReportState;
  attempts: number;
  error: string | null;
  requestedBy: string;
  requestedAt: Date;
  finishedAt: Date | null;
}

export interface ReportRequest {
  documentId: string;
  quarter: string;
  /** Default: the quarter's last moment. */
  asOf?: Date;
  /** Supervisors and leadership may ask for one unit's report; any other user gets its own unit's. */
  unitCode?: string;
  actor: Actor;
}

export interface ReportFile {
  content: Buffer;
  contentType: string;
  fileName: string;
}

/** Reports one user, and one document, may have asked for within a minute: a bulletin takes the worker seconds. */
export const REPORT_REQUESTS_PER_USER_PER_MINUTE = 5;
export const REPORT_REQUESTS_PER_DOCUMENT_PER_MINUTE = 10;
const WINDOW_SECONDS = 60;

/** Roles that read every unit's figures. */
const OVERSIGHT_ROLES = ['supervisor', 'leadership', 'admin'] as const;

const VIEW_COLUMNS = `id, document_id AS "documentId", quarter, as_of AS "asOf", scope_unit_code AS "scopeUnitCode", origin, state, attempts, error,
  requested_by AS "requestedBy", requested_at AS "requestedAt", finished_at AS "finishedAt"`;

interface StoredRequest {
  documentId: string;
  quarter: Quarter;
  asOf: Date;
  scopeUnitCode: string | null;
  origin: ReportOrigin;
  requestedBy: string;
}

/** Report requests and their files: one stored report per document, quarter, moment and scope. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly unitOfWork: UnitOfWork,
    private readonly jobs: JobQueue,
    private readonly metrics: Metrics,
  ) {}

  /** Queues the report, or finds the one already asked for (a failed one is queued again); a refusal is counted. */
  async request(request: ReportRequest): Promise<{ report: ReportView; created: boolean }> {
    try {
      return await this.requestChecked(request);
    } catch (error) {
      if (error instanceof DomainError) this.metrics.reportRefused(error.code);
      throw error;
    }
  }

  private async requestChecked(request: ReportRequest): Promise<{ report: ReportView; created: boolean }> {
    const quarter = parseQuarter(request.quarter);
    if (!quarter)
      throw new DomainError('invalid', 'INVALID_QUARTER', `季度格式应为 2022Q3，收到 ${request.quarter}`, {
        field: 'quarter',
      });
    const asOf = request.asOf ?? quarterEndMoment(quarter);
    this.assertMoment(quarter, asOf, request.asOf === undefined);
    await this.assertWithinLimits(request);
    return this.store({
      documentId: request.documentId,
      quarter,
      asOf,
      scopeUnitCode: scopeFor(request.actor, request.unitCode),
      origin: 'on_demand',
      requestedBy: request.actor.username,
    });
  }

  /** 429 with when to retry, once the user or the document asked for too many reports within the minute. */
  private async assertWithinLimits(request: ReportRequest): Promise<void> {
    const since = new Date(this.clock.now().getTime() - WINDOW_SECONDS * 1000);
    const [counts]: { byUser: number; byDocument: number; oldest: Date | null }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE requested_by = $1)::int AS "byUser",
              count(*) FILTER (WHERE document_id = $2)::int AS "byDocument",
              min(requested_at) FILTER (WHERE requested_by = $1 OR document_id = $2) AS oldest
       FROM reports WHERE origin = 'on_demand' AND requested_at > $3 AND (requested_by = $1 OR document_id = $2)`,
      [request.actor.username, request.documentId, since],
    );
    const overUser = counts.byUser >= REPORT_REQUESTS_PER_USER_PER_MINUTE;
    if (!overUser && counts.byDocument < REPORT_REQUESTS_PER_DOCUMENT_PER_MINUTE) return;
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil((new Date(counts.oldest!).getTime() + WINDOW_SECONDS * 1000 - this.clock.now().getTime()) / 1000),
    );
    throw new DomainError(
      'too_many',
      overUser ? 'REPORT_RATE_LIMITED_USER' : 'REPORT_RATE_LIMITED_DOCUMENT',
      overUser
        ? `每人每分钟最多申请 ${REPORT_REQUESTS_PER_USER_PER_MINUTE} 份通报，请 ${retryAfterSeconds} 秒后再试`
        : `同一文件每分钟最多申请 ${REPORT_REQUESTS_PER_DOCUMENT_PER_MINUTE} 份通报，请 ${retryAfterSeconds} 秒后再试`,
      { retryAfterSeconds },
    );
  }

  /** The scheduled bulletin of a quarter just ended: every unit's figures as of its last moment. */
  requestScheduled(documentId: string, quarter: Quarter): Promise<{ report: ReportView; created: boolean }> {
    return this.store({
      documentId,
      quarter,
      asOf: quarterEndMoment(quarter),
      scopeUnitCode: null,
      origin: 'scheduled',
      requestedBy: 'system',
    });
  }

  /** Requests whose job may have been lost (Redis emptied, a crash before the enqueue): queued again at worker start. */
  async requeueWaiting(): Promise<number> {
    const waiting: { id: string; attempts: number }[] = await this.dataSource.query(
      `SELECT id, attempts FROM reports WHERE state = 'queued' ORDER BY requested_at`,
    );
    await this.jobs.wake(waiting.map(reportWakeUp));
    return waiting.length;
  }

  async find(id: string, actor: Actor): Promise<ReportView> {
    const report = await this.view(this.dataSource.manager, id);
    assertMayRead(report, actor);
    return report;
  }

  async list(actor: Actor, documentId?: string): Promise<ReportView[]> {
    const oversight = hasAnyRole(actor, OVERSIGHT_ROLES);
    return this.dataSource.query(
      `SELECT ${VIEW_COLUMNS} FROM reports
       WHERE ($1::uuid IS NULL OR document_id = $1) AND ($2 OR scope_unit_code = $3)
       ORDER BY requested_at DESC LIMIT 200`,
      [documentId ?? null, oversight, actor.unitCode],
    );
  }

  async file(id: string, format: ReportFormat, actor: Actor): Promise<ReportFile> {
    const report = await this.find(id, actor);
    if (report.state !== 'done')
      throw new DomainError('conflict', 'REPORT_NOT_READY', `通报尚未生成（状态：${STATE_LABELS[report.state]}）`, {
        field: 'id',
      });
    // docx and xlsx are stored as made; the JSON is the stored figures, written out.
    const stored = format === 'json' ? '' : `, ${format} AS content`;
    const [row]: { figures: ReportFigures; content?: Buffer | null }[] = await this.dataSource.query(
      `SELECT figures${stored} FROM reports WHERE id = $1`,
      [id],
    );
    const content = format === 'json' ? renderJson(row.figures) : row.content;
    if (!content) throw new Error(`report ${id} is done but has no ${format} file`);
    return { content, contentType: REPORT_CONTENT_TYPES[format], fileName: reportFileName(row.figures, format) };
  }

  private assertMoment(quarter: Quarter, asOf: Date, defaulted: boolean): void {
    if (asOf.getTime() < quarterStartMoment(quarter).getTime()) {
      throw new DomainError('invalid', 'AS_OF_BEFORE_QUARTER', '统计时点不能早于该季度开始', { field: 'asOf' });
    }
    if (asOf.getTime() > this.clock.now().getTime()) {
      const message = defaulted ? '该季度尚未结束，请指定统计时点（asOf）' : '统计时点不能晚于当前时间';
      throw new DomainError('invalid', 'AS_OF_IN_FUTURE', message, { field: defaulted ? 'quarter' : 'asOf' });
    }
  }

  private async store(request: StoredRequest): Promise<{ report: ReportView; created: boolean }> {
    return this.unitOfWork.run(async (work) => {
      const { manager } = work;
      const [document]: { id: string }[] = await manager.query('SELECT id FROM documents WHERE id = $1', [
        request.documentId,
      ]);
      if (!document)
        throw new DomainError('not_found', 'DOCUMENT_NOT_FOUND', `文件 ${request.documentId} 不存在`, {
          field: 'documentId',
        });
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO reports (document_id, quarter, as_of, scope_unit_code, origin, state, requested_by, requested_at)
         VALUES ($1, $2, $3, $4, $5, 'queued', $6, $7)
         ON CONFLICT (document_id, quarter, as_of, scope_key) DO NOTHING RETURNING id`,
        [
          request.documentId,
          formatQuarter(request.quarter),
          request.asOf,
          request.scopeUnitCode,
          request.origin,
          request.requestedBy,
          this.clock.now(),
        ],
      );
      if (inserted.length > 0) return this.queued(work, inserted[0].id, true);
      const [existing]: { id: string; state: ReportState }[] = await manager.query(
        `SELECT id, state FROM reports WHERE document_id = $1 AND quarter = $2 AND as_of = $3 AND scope_key = COALESCE($4, '*') FOR UPDATE`,
        [request.documentId, formatQuarter(request.quarter), request.asOf, request.scopeUnitCode],
      );
      if (existing.state !== 'failed') return { report: await this.view(manager, existing.id), created: false };
      await manager.query(`UPDATE reports SET state = 'queued', error = NULL WHERE id = $1`, [existing.id]);
      return this.queued(work, existing.id, false);
    });
  }

  /** A request that waits for the worker: its job is added once the request has committed. */
  private async queued(work: Work, id: string, created: boolean): Promise<{ report: ReportView; created: boolean }> {
    const report = await this.view(work.manager, id);
    work.wakeAfterCommit([reportWakeUp(report)]);
    return { report, created };
  }

  private async view(manager: EntityManager, id: string): Promise<ReportView> {
    const [report]: ReportView[] = await manager.query(`SELECT ${VIEW_COLUMNS} FROM reports WHERE id = $1`, [id]);
    if (!report) throw new DomainError('not_found', 'REPORT_NOT_FOUND', `通报 ${id} 不存在`, { field: 'id' });
    return report;
  }
}

const STATE_LABELS: Readonly<Record<ReportState, string>> = {
  queued: '排队中',
  running: '生成中',
  done: '已生成',
  failed: '生成失败',
};

/** The job that makes a report; `attempts` so far is in its id, so a report asked for again after failing gets a new job. */
function reportWakeUp(report: { id: string; attempts: number }): WakeUp {
  return {
    name: 'report.generate',
    data: { reportId: report.id },
    jobId: jobId('report.generate', { reportId: report.id, attempts: report.attempts }),
  };
}

/** Whose tasks a caller may read: oversight roles any unit's (or all), anyone else only its own unit's. */
export function scopeFor(actor: Actor, unitCode: string | undefined): string | null {
  if (hasAnyRole(actor, OVERSIGHT_ROLES)) return unitCode ?? null;
  if (unitCode !== undefined && unitCode !== actor.unitCode) {
    throw new DomainError('forbidden', 'REPORT_SCOPE_FORBIDDEN', '只能生成本单位的通报', { field: 'unitCode' });
  }
  return actor.unitCode;
}

/** Another unit's report answers as a missing one (as tasks do): its id tells the caller nothing. */
function assertMayRead(report: ReportView, actor: Actor): void {
  if (hasAnyRole(actor, OVERSIGHT_ROLES) || report.scopeUnitCode === actor.unitCode) return;
  throw new DomainError('not_found', 'REPORT_NOT_FOUND', `通报 ${report.id} 不存在`, { field: 'id' });
}
