import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWorkflows1763769800000 implements MigrationInterface {
  name = 'CreateWorkflows1763769800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE workflows (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        measure_id uuid NOT NULL UNIQUE REFERENCES measures(id),
        document_id uuid NOT NULL REFERENCES documents(id),
        state text NOT NULL CHECK (state IN ('active', 'closed', 'cancelled')),
        launched_by text NOT NULL,
        launched_at timestamptz NOT NULL,
        closed_at timestamptz,
        event_count int NOT NULL DEFAULT 0,
        last_event_hash text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX workflows_by_document ON workflows (document_id)`);
    await queryRunner.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workflow_id uuid NOT NULL REFERENCES workflows(id),
        parent_task_id uuid REFERENCES tasks(id),
        kind text NOT NULL CHECK (kind IN ('lead', 'co', 'subtask')),
        unit_code text NOT NULL REFERENCES units(code),
        division text,
        assigner_unit_code text NOT NULL REFERENCES units(code),
        title text NOT NULL,
        description text,
        state text NOT NULL,
        version int NOT NULL DEFAULT 1,
        deadline date NOT NULL,
        deadline_version int NOT NULL DEFAULT 1,
        ack_deadline date NOT NULL,
        assigned_at timestamptz NOT NULL,
        acknowledged_at timestamptz,
        submitted_at timestamptz,
        completed_at timestamptz,
        extension_requested_until date,
        extension_reason text,
        escalation_level int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Inboxes page through a unit's tasks by deadline: these indexes serve the first page without sorting them all.
    await queryRunner.query(`CREATE INDEX tasks_by_unit ON tasks (unit_code, deadline, id)`);
    await queryRunner.query(`CREATE INDEX tasks_by_assigner ON tasks (assigner_unit_code, deadline, id)`);
    await queryRunner.query(`CREATE INDEX tasks_by_workflow ON tasks (workflow_id)`);
    await queryRunner.query(`CREATE INDEX tasks_by_parent ON tasks (parent_task_id) WHERE parent_task_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE task_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workflow_id uuid NOT NULL REFERENCES workflows(id),
        seq int NOT NULL,
        task_id uuid REFERENCES tasks(id),
        action text NOT NULL,
        from_state text,
        to_state text,
        reason text,
        payload jsonb NOT NULL DEFAULT '{}',
        actor_user_id uuid,
        actor_username text NOT NULL,
        actor_unit_code text,
        occurred_at timestamptz NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        UNIQUE (workflow_id, seq)
      )`);
    await queryRunner.query(`CREATE INDEX task_events_by_task ON task_events (task_id, seq)`);
    // History is never rewritten: the engine only ever inserts events.
    await queryRunner.query(`
      CREATE FUNCTION task_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'task_events is append-only'; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER task_events_append_only BEFORE UPDATE OR DELETE ON task_events FOR EACH ROW EXECUTE FUNCTION task_events_append_only()`,
    );
    await queryRunner.query(`
      CREATE TABLE progress_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id),
        quarter text NOT NULL CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
        text text NOT NULL,
        percent_done int NOT NULL CHECK (percent_done BETWEEN 0 AND 100),
        target_actuals jsonb NOT NULL DEFAULT '[]',
        state text NOT NULL CHECK (state IN ('submitted', 'approved', 'returned')),
        submitted_by text NOT NULL,
        submitted_at timestamptz NOT NULL,
        reviewed_by text,
        reviewed_at timestamptz,
        review_reason text,
        version int NOT NULL DEFAULT 1,
        UNIQUE (task_id, quarter)
      )`);
    await queryRunner.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id),
        progress_report_id uuid REFERENCES progress_reports(id),
        purpose text NOT NULL CHECK (purpose IN ('submission', 'progress', 'evidence')),
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes int NOT NULL,
        sha256 text NOT NULL,
        uploaded_by text NOT NULL,
        uploaded_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX attachments_by_task ON attachments (task_id)`);
    await queryRunner.query(`
      CREATE TABLE notices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dedupe_key text NOT NULL UNIQUE,
        unit_code text NOT NULL REFERENCES units(code),
        task_id uuid REFERENCES tasks(id),
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        sent_by text,
        created_at timestamptz NOT NULL,
        read_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX notices_inbox ON notices (unit_code, created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['notices', 'attachments', 'progress_reports', 'task_events', 'tasks', 'workflows'])
      await queryRunner.query(`DROP TABLE ${table}`);
    await queryRunner.query(`DROP FUNCTION task_events_append_only()`);
  }
}
