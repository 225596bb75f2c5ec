import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, DomainError } from '@app/common';
import { issuingBodyOf } from './issuing-body';

/** The per-document texts of a 通报's form: what the office prints around the figures. */
export interface BulletinSettings {
  /** 红头: the masthead printed in red, e.g. 督查通报. */
  masthead: string;
  /** The office named under the masthead beside 第X期 and in the title block. */
  issuingOffice: string;
  /** 主送, without the colon: 各市人民政府，省直各有关单位. */
  mainRecipients: string;
  /** 抄送 in the 版记; null: no 抄送 line. */
  copyTo: string | null;
  /** 落款. */
  signatory: string;
  /** 印发机关 in the 版记. */
  printingOffice: string;
  /** Working days after the issue date by which units report back on what the bulletin asks of them. */
  reportBackWorkingDays: number;
}

/** The settings as stored, and whether they are the document's own or the defaults. */
export interface BulletinSettingsView extends BulletinSettings {
  documentId: string;
  custom: boolean;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export const DEFAULT_MASTHEAD = '督查通报';
export const DEFAULT_MAIN_RECIPIENTS = '各责任单位';
export const DEFAULT_REPORT_BACK_WORKING_DAYS = 10;

/** The defaults of a document that has none of its own: the issuing body signs, prints and issues it. */
export function defaultBulletinSettings(issuingBody: string): BulletinSettings {
  return {
    masthead: DEFAULT_MASTHEAD,
    issuingOffice: issuingBody,
    mainRecipients: DEFAULT_MAIN_RECIPIENTS,
    copyTo: null,
    signatory: issuingBody,
    printingOffice: issuingBody,
    reportBackWorkingDays: DEFAULT_REPORT_BACK_WORKING_DAYS,
  };
}

const COLUMNS = `masthead, issuing_office AS "issuingOffice", main_recipients AS "mainRecipients", copy_to AS "copyTo",
  signatory, printing_office AS "printingOffice", report_back_working_days AS "reportBackWorkingDays",
  updated_by AS "updatedBy", updated_at AS "updatedAt"`;

type StoredSettings = BulletinSettings & { updatedBy: string; updatedAt: Date };

/** Reads and writes the table bulletin_settings (owned by this library). */
@Injectable()
export class BulletinSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The document's own settings, or null when it has none. */
  async stored(manager: EntityManager, documentId: string): Promise<BulletinSettings | null> {
    const [row]: StoredSettings[] = await manager.query(
      `SELECT ${COLUMNS} FROM bulletin_settings WHERE document_id = $1`,
      [documentId],
    );
    if (!row) return null;
    const { updatedBy: _by, updatedAt: _at, ...settings } = row;
    return settings;
  }

  /** What the document's bulletins print: its own settings, or the defaults (the issuing body signs). */
  async effective(documentId: string): Promise<BulletinSettingsView> {
    const manager = this.dataSource.manager;
    const [row]: StoredSettings[] = await manager.query(
      `SELECT ${COLUMNS} FROM bulletin_settings WHERE document_id = $1`,
      [documentId],
    );
    if (row) return { documentId, custom: true, ...row };
    const defaults = defaultBulletinSettings(await issuingBodyOf(manager, documentId));
    return { documentId, custom: false, updatedBy: null, updatedAt: null, ...defaults };
  }

  /** Sets every text at once (an upsert in one statement): the next bulletin made prints them. */
  async set(documentId: string, settings: BulletinSettings, username: string): Promise<BulletinSettingsView> {
    return this.dataSource.transaction(async (manager) => {
      const [document]: { id: string }[] = await manager.query('SELECT id FROM documents WHERE id = $1', [documentId]);
      if (!document)
        throw new DomainError('not_found', 'DOCUMENT_NOT_FOUND', `文件 ${documentId} 不存在`, { field: 'documentId' });
      const [row]: StoredSettings[] = await manager.query(
        `INSERT INTO bulletin_settings (document_id, masthead, issuing_office, main_recipients, copy_to, signatory, printing_office,
           report_back_working_days, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (document_id) DO UPDATE SET masthead = EXCLUDED.masthead, issuing_office = EXCLUDED.issuing_office,
           main_recipients = EXCLUDED.main_recipients, copy_to = EXCLUDED.copy_to, signatory = EXCLUDED.signatory,
           printing_office = EXCLUDED.printing_office, report_back_working_days = EXCLUDED.report_back_working_days,
           updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
         RETURNING ${COLUMNS}`,
        [
          documentId,
          settings.masthead,
          settings.issuingOffice,
          settings.mainRecipients,
          settings.copyTo,
          settings.signatory,
          settings.printingOffice,
          settings.reportBackWorkingDays,
          username,
          this.clock.now(),
        ],
      );
      return { documentId, custom: true, ...row };
    });
  }
}
