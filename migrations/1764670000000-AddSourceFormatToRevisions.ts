import { MigrationInterface, QueryRunner } from 'typeorm';

/** The format a revision was read from (txt, docx, doc, pdf, html); earlier revisions were all plain text. */
export class AddSourceFormatToRevisions1764670000000 implements MigrationInterface {
  name = 'AddSourceFormatToRevisions1764670000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE document_revisions ADD COLUMN source_format text NOT NULL DEFAULT 'txt'
         CHECK (source_format IN ('txt', 'docx', 'doc', 'pdf', 'html'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE document_revisions DROP COLUMN source_format');
  }
}
