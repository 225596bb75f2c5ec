import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, DomainError, shanghaiDate } from '@app/common';
import { UnitDirectoryStore } from '@app/units';
import { DocumentParseError, parseDocument } from '../parsing';
import type { DocumentMetadata, ParseResult } from '../parsing/parse-result.types';
import type { SourceFormat } from '../parsing/source-document';
import { readDocument } from '../reading';
import { DocumentEntity } from '../persistence/document.entity';
import { DocumentRevisionEntity, RevisionChanges } from '../persistence/document-revision.entity';
import { describeOutcome, ImportOutcome, ImportRequest } from './import-outcome';
import { sha256 } from './measure-fingerprint';
import { insertMeasures, reviseMeasures } from './measure-writer';

interface ParsedUpload {
  text: string;
  encoding: string;
  format: SourceFormat;
  contentSha256: string;
  result: ParseResult;
  identityKey: string;
}

/**
 * Imports a policy document in one transaction: a new document, a new revision of a known one
 * (measures added, removed and changed), or nothing at all when the text is already there.
 */
@Injectable()
export class DocumentImporter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitDirectoryStore,
    private readonly clock: Clock,
  ) {}

  async import(request: ImportRequest): Promise<ImportOutcome> {
    const upload = await this.parseUpload(request.content, request.fileName ?? null);
    return this.dataSource.transaction(async (manager) => {
      // Two imports of the same document at once would both see "no such document" without this lock.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [upload.identityKey]);
      const existing = await manager.findOne(DocumentEntity, { where: { identityKey: upload.identityKey } });
      if (!existing) return this.create(manager, upload, request);
      assertSameDocument(existing, upload.result.document);
      // Only the current revision counts: the text of an older one is a real change back.
      const current = await manager.findOneOrFail(DocumentRevisionEntity, {
        where: { documentId: existing.id, revision: existing.currentRevision },
      });
      if (current.contentSha256 === upload.contentSha256) {
        return this.outcome(
          manager,
          existing,
          'unchanged',
          current.revision,
          { added: [], removed: [], changed: [] },
          {
            diagnostics: current.diagnostics,
            format: current.sourceFormat,
          },
        );
      }
      return this.revise(manager, existing, upload, request);
    });
  }

  /** Reads and parses the file before any transaction: a file that cannot be read stores nothing. */
  private async parseUpload(content: Buffer, fileName: string | null): Promise<ParsedUpload> {
    const directory = await this.units.load();
    try {
      const source = await readDocument(content, fileName);
      const result = parseDocument(source, { resolver: directory, asOf: shanghaiDate(this.clock.now()) });
      const { text, encoding, format } = source;
      return {
        text,
        encoding,
        format,
        contentSha256: sha256(text),
        result,
        identityKey: identityKeyOf(result.document),
      };
    } catch (error) {
      if (error instanceof DocumentParseError)
        throw new DomainError('invalid', error.code, error.message, { line: error.line });
      throw error;
    }
  }

  private async create(manager: EntityManager, upload: ParsedUpload, request: ImportRequest): Promise<ImportOutcome> {
    const { document } = upload.result;
    const entity = await manager.save(
      manager.create(DocumentEntity, {
        identityKey: upload.identityKey,
        docNumber: document.docNumber,
        title: document.title!,
        issuer: document.issuer,
        issuedOn: document.issuedOn,
        planStartYear: document.planPeriod?.startYear ?? null,
        planEndYear: document.planPeriod?.endYear ?? null,
        currentRevision: 1,
      }),
    );
    await insertMeasures(manager, entity.id, upload.result.measures);
    const changes = { added: upload.result.measures.map((measure) => measure.path), removed: [], changed: [] };
    await this.saveRevision(manager, entity.id, 1, upload, request, changes);
    return this.outcome(manager, entity, 'created', 1, changes, {
      diagnostics: upload.result.diagnostics,
      format: upload.format,
    });
  }

  private async revise(
    manager: EntityManager,
    document: DocumentEntity,
    upload: ParsedUpload,
    request: ImportRequest,
  ): Promise<ImportOutcome> {
    const revision = document.currentRevision + 1;
    const changes = await reviseMeasures(manager, document.id, upload.result.measures, revision);
    const { issuer, issuedOn, planPeriod } = upload.result.document;
    await manager.update(
      DocumentEntity,
      { id: document.id },
      {
        currentRevision: revision,
        issuer,
        issuedOn,
        planStartYear: planPeriod?.startYear ?? null,
        planEndYear: planPeriod?.endYear ?? null,
      },
    );
    await this.saveRevision(manager, document.id, revision, upload, request, changes);
    return this.outcome(manager, document, 'revised', revision, changes, {
      diagnostics: upload.result.diagnostics,
      format: upload.format,
    });
  }

  private async saveRevision(
    manager: EntityManager,
    documentId: string,
    revision: number,
    upload: ParsedUpload,
    request: ImportRequest,
    changes: RevisionChanges,
  ): Promise<void> {
    await manager.insert(DocumentRevisionEntity, {
      documentId,
      revision,
      contentSha256: upload.contentSha256,
      sourceText: upload.text,
      encoding: upload.encoding,
      sourceFormat: upload.format,
      fileName: request.fileName ?? null,
      sections: upload.result.sections,
      diagnostics: upload.result.diagnostics,
      changes,
      importedBy: request.importedBy ?? null,
      importedAt: this.clock.now(),
    });
  }

  private async outcome(
    manager: EntityManager,
    document: DocumentEntity,
    status: ImportOutcome['status'],
    revision: number,
    changes: RevisionChanges,
    read: Pick<ImportOutcome, 'diagnostics' | 'format'>,
  ): Promise<ImportOutcome> {
    const [counts] = await manager.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE needs_assignment)::int AS "needingAssignment"
       FROM measures WHERE document_id = $1 AND removed_in_revision IS NULL`,
      [document.id],
    );
    const outcome = {
      status,
      documentId: document.id,
      docNumber: document.docNumber,
      title: document.title,
      revision,
      format: read.format,
      measures: counts,
      changes,
      diagnostics: read.diagnostics,
    };
    return { ...outcome, message: describeOutcome(outcome) };
  }
}

function identityKeyOf(document: DocumentMetadata): string {
  if (document.docNumber) return document.docNumber;
  if (document.title) return `title:${document.title}`;
  throw new DomainError('invalid', 'DOCUMENT_UNIDENTIFIED', '无法识别文号或标题：请确认上传的是完整的政策文件', {
    line: 1,
  });
}

/** A known 文号 with another title is not a new revision but another document claiming the same number. */
function assertSameDocument(existing: DocumentEntity, incoming: DocumentMetadata): void {
  if (existing.title === incoming.title) return;
  throw new DomainError(
    'invalid',
    'DOCUMENT_NUMBER_TAKEN',
    `文号 ${existing.docNumber} 已属于《${existing.title}》，与上传文件的标题《${incoming.title ?? '（无）'}》不符`,
    { field: 'docNumber' },
  );
}
