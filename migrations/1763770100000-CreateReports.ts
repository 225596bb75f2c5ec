import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReports1763770100000 implements MigrationInterface {
  name = 'CreateReports1763770100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per document, quarter, moment and scope: asking again finds the same report.
    // figures is json, not jsonb: the JSON download keeps the key order it was written with.
    await queryRunner.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id),
        quarter text NOT NULL CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
        as_of timestamptz NOT NULL,
        scope_unit_code text REFERENCES units(code),
        scope_key text GENERATED ALWAYS AS (COALESCE(scope_unit_code, '*')) STORED,
        origin text NOT NULL CHECK (origin IN ('on_demand', 'scheduled')),
        state text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        error text,
        finished_at timestamptz,
        figures json,
        docx bytea,
        xlsx bytea,
        UNIQUE (document_id, quarter, as_of, scope_key)
      )`);
    await queryRunner.query(
      `CREATE INDEX reports_unfinished ON reports (requested_at) WHERE state IN ('queued', 'running')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE reports`);
  }
}
