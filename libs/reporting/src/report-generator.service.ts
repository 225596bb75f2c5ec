import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, Clock } from '@app/common';
import { Metrics } from '@app/metrics';
import { UnitOfWork } from '@app/queues';
import { NoticeOutbox, type NewNotice } from '@app/notifications';
import { parseQuarter } from '@app/calendar';
import { computeReport } from './figures/compute-report';
import type { ReportFigures } from './figures/report-figures';
import { renderCompletionChart, renderDocx, renderXlsx } from './render';
import { ReportInputsLoader } from './report-inputs.loader';
import type { ReportOrigin } from './reports.service';

export interface RenderedReport {
  figures: ReportFigures;
  docx: Buffer;
  xlsx: Buffer;
}

export type GenerationOutcome =
  { outcome: 'generated'; figures: ReportFigures } | { outcome: 'skipped'; reason: string };

interface ClaimedReport {
  documentId: string;
  quarter: string;
  asOf: Date;
  scopeUnitCode: string | null;
  origin: ReportOrigin;
}

/** Makes a requested report: figures from the database as of its moment, then the Word and Excel files. */
@Injectable()
export class ReportGenerator {
  private readonly logger = new Logger(ReportGenerator.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly loader: ReportInputsLoader,
    private readonly notices: NoticeOutbox,
    private readonly clock: Clock,
    private readonly unitOfWork: UnitOfWork,
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  /** Figures and files for one document, quarter, moment and scope, without storing anything (the CLI's `report`). */
  async render(key: Omit<ClaimedReport, 'origin'>): Promise<RenderedReport> {
    const quarter = parseQuarter(key.quarter);
    if (!quarter) throw new Error(`not a quarter: ${key.quarter}`);
    const figures = computeReport(await this.loader.load({ ...key, quarter }));
    const [docx, xlsx] = await Promise.all([
      renderDocx(figures, renderCompletionChart(figures.units)),
      renderXlsx(figures),
    ]);
    return { figures, docx, xlsx };
  }

  /**
   * Generates a stored report once: a report already done is left alone, so a job that runs twice
   * stores one set of files. A failure is recorded on the report and thrown for the queue to retry;
   * on the last attempt the report is marked failed.
   */
  async generate(reportId: string, lastAttempt: boolean): Promise<GenerationOutcome> {
    if (await this.refusedForDepth(reportId)) return { outcome: 'skipped', reason: 'beyond the queue depth' };
    const claimed = await this.claim(reportId);
    if (!claimed) return { outcome: 'skipped', reason: 'already generated or unknown' };
    try {
      const started = performance.now();
      const rendered = await this.render(claimed);
      await this.store(reportId, claimed, rendered);
      this.generated(reportId, claimed, rendered, performance.now() - started);
      return { outcome: 'generated', figures: rendered.figures };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.dataSource.query(`UPDATE reports SET state = $2, error = $3 WHERE id = $1 AND state = 'running'`, [
        reportId,
        lastAttempt ? 'failed' : 'queued',
        message,
      ]);
      throw error;
    }
  }

  /**
   * An on-demand request with REPORT_QUEUE_MAX_DEPTH or more requests still waiting ahead of it is
   * marked failed with the reason instead of made: the worker keeps up with the office, not a flood.
   * Asking again later queues it anew. Scheduled bulletins are always made.
   */
  private async refusedForDepth(reportId: string): Promise<boolean> {
    const depth = this.config.REPORT_QUEUE_MAX_DEPTH;
    const [rows]: [unknown[], number] = await this.dataSource.query(
      `UPDATE reports r SET state = 'failed', error = $2
       WHERE r.id = $1 AND r.state = 'queued' AND r.origin = 'on_demand'
         AND (SELECT count(*) FROM reports a WHERE a.state = 'queued' AND a.origin = 'on_demand'
              AND (a.requested_at, a.id) < (r.requested_at, r.id)) >= $3
       RETURNING r.id`,
      [reportId, `排队等候的通报已达 ${depth} 份，本次申请未生成，请稍后重新申请`, depth],
    );
    return rows.length > 0;
  }

  /** Counted once stored, and one JSON line with the same figures. */
  private generated(reportId: string, claimed: ClaimedReport, rendered: RenderedReport, durationMs: number): void {
    const bytes = rendered.docx.length + rendered.xlsx.length;
    this.metrics.reportGenerated(durationMs / 1000, bytes);
    this.logger.log({
      msg: 'report generated',
      event: 'report.generated',
      reportId,
      documentId: claimed.documentId,
      quarter: claimed.quarter,
      origin: claimed.origin,
      bytes,
      durationMs: Math.round(durationMs),
    });
  }

  private async claim(reportId: string): Promise<ClaimedReport | null> {
    const [rows]: [ClaimedReport[], number] = await this.dataSource.query(
      `UPDATE reports SET state = 'running', attempts = attempts + 1 WHERE id = $1 AND state <> 'done'
       RETURNING document_id AS "documentId", quarter, as_of AS "asOf", scope_unit_code AS "scopeUnitCode", origin`,
      [reportId],
    );
    return rows[0] ?? null;
  }

  private async store(reportId: string, claimed: ClaimedReport, rendered: RenderedReport): Promise<void> {
    const now = this.clock.now();
    await this.unitOfWork.run(async (work) => {
      await work.manager.query(
        `UPDATE reports SET state = 'done', error = NULL, finished_at = $2, figures = $3, docx = $4, xlsx = $5 WHERE id = $1`,
        [reportId, now, JSON.stringify(rendered.figures), rendered.docx, rendered.xlsx],
      );
      if (claimed.origin !== 'scheduled') return;
      await this.notices.write(work, await this.readyNotices(reportId, claimed, rendered.figures), now);
    });
  }

  /** The scheduled bulletin is announced to the supervisor units that launched the document's measures. */
  private async readyNotices(reportId: string, claimed: ClaimedReport, figures: ReportFigures): Promise<NewNotice[]> {
    const units: { code: string }[] = await this.dataSource.query(
      `SELECT DISTINCT t.assigner_unit_code AS code FROM tasks t JOIN workflows w ON w.id = t.workflow_id WHERE w.document_id = $1 AND t.kind = 'lead'`,
      [claimed.documentId],
    );
    const { overall } = figures;
    return units.map(({ code }) => ({
      dedupeKey: `report_ready:${reportId}:${code}`,
      unitCode: code,
      taskId: null,
      kind: 'report_ready',
      title: `季度通报已生成：${figures.document.title}（${figures.quarter}）`,
      body: `任务 ${overall.tasks} 项，已完成 ${overall.completed} 项，逾期 ${overall.overdue} 项。下载：/reports/${reportId}/files/docx`,
      sentBy: null,
    }));
  }
}
