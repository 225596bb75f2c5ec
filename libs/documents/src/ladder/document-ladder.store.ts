import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/common';

/** A document's own changes to the reminder ladder, kept on the document (`documents.ladder`, JSON). */
@Injectable()
export class DocumentLadderStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The stored changes (null: none); a document that does not exist is not found. */
  async overrides(documentId: string): Promise<unknown> {
    const [document]: { ladder: unknown }[] = await this.dataSource.query(
      'SELECT ladder FROM documents WHERE id = $1',
      [documentId],
    );
    if (!document)
      throw new DomainError('not_found', 'DOCUMENT_NOT_FOUND', `文件 ${documentId} 不存在`, { field: 'document' });
    return document.ladder;
  }

  /** `overrides` null goes back to the global ladder. */
  async setOverrides(documentId: string, overrides: object | null): Promise<void> {
    await this.dataSource.query('UPDATE documents SET ladder = $2 WHERE id = $1', [
      documentId,
      overrides === null ? null : JSON.stringify(overrides),
    ]);
  }
}
