import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUnitsAndDocuments1763769600000 implements MigrationInterface {
  name = 'CreateUnitsAndDocuments1763769600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE units (
        code text PRIMARY KEY,
        full_name text NOT NULL,
        short_name text NOT NULL,
        aliases text[] NOT NULL DEFAULT '{}',
        kind text NOT NULL,
        parent_code text REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,
        successor_code text REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,
        successor_since date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT units_successor_has_date CHECK ((successor_code IS NULL) = (successor_since IS NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE unit_name_rules (
        name text PRIMARY KEY,
        rule text NOT NULL CHECK (rule IN ('group', 'placeholder')),
        aliases text[] NOT NULL DEFAULT '{}',
        member_codes text[] NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        identity_key text NOT NULL UNIQUE,
        doc_number text,
        title text NOT NULL,
        issuer text,
        issued_on date,
        plan_start_year int,
        plan_end_year int,
        current_revision int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE document_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id),
        revision int NOT NULL,
        content_sha256 text NOT NULL,
        source_text text NOT NULL,
        encoding text NOT NULL,
        file_name text,
        sections jsonb NOT NULL,
        diagnostics jsonb NOT NULL,
        changes jsonb NOT NULL,
        imported_by text,
        imported_at timestamptz NOT NULL,
        UNIQUE (document_id, revision)
      )`);
    await queryRunner.query(`
      CREATE TABLE measures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id),
        path text NOT NULL,
        position int NOT NULL,
        section_titles text[] NOT NULL,
        title text NOT NULL,
        text text NOT NULL,
        line int NOT NULL,
        units_raw text,
        lead_name text,
        co_names text[] NOT NULL DEFAULT '{}',
        unit_resolution jsonb NOT NULL,
        needs_assignment boolean NOT NULL,
        assignment_source text NOT NULL CHECK (assignment_source IN ('document', 'supervisor')),
        deadline date,
        deadline_source text NOT NULL,
        deadline_text text,
        targets jsonb NOT NULL,
        first_revision int NOT NULL,
        last_changed_revision int NOT NULL,
        removed_in_revision int,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (document_id, path)
      )`);
    await queryRunner.query(
      `CREATE INDEX measures_needing_assignment ON measures (document_id) WHERE needs_assignment AND removed_in_revision IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE measure_units (
        measure_id uuid NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
        unit_code text NOT NULL REFERENCES units(code),
        role text NOT NULL CHECK (role IN ('lead', 'co')),
        position int NOT NULL,
        PRIMARY KEY (measure_id, unit_code)
      )`);
    await queryRunner.query(`CREATE INDEX measure_units_by_unit ON measure_units (unit_code)`);
    await queryRunner.query(`
      CREATE TABLE measure_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        measure_id uuid NOT NULL REFERENCES measures(id),
        lead_unit_code text NOT NULL REFERENCES units(code),
        co_unit_codes text[] NOT NULL,
        source text NOT NULL CHECK (source IN ('manual', 'suggestion')),
        note text,
        assigned_by text NOT NULL,
        assigned_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX measure_assignments_by_measure ON measure_assignments (measure_id, assigned_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'measure_assignments',
      'measure_units',
      'measures',
      'document_revisions',
      'documents',
      'unit_name_rules',
      'units',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
