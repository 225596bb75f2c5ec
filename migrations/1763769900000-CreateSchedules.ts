import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSchedules1763769900000 implements MigrationInterface {
  name = 'CreateSchedules1763769900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The outbox of the reminder ladder: every step a task's state calls for, written in the same
    // transaction as the change. Queued jobs only wake these rows up.
    await queryRunner.query(`
      CREATE TABLE scheduled_steps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id),
        step_key text NOT NULL,
        deadline_version int NOT NULL,
        kind text NOT NULL,
        due_at timestamptz NOT NULL,
        recipients text[] NOT NULL,
        escalation_level int NOT NULL DEFAULT 0,
        quarter text,
        state text NOT NULL CHECK (state IN ('pending', 'delivered', 'cancelled')),
        delivered_at timestamptz,
        delivered_late boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (task_id, step_key, deadline_version)
      )`);
    await queryRunner.query(`CREATE INDEX scheduled_steps_pending ON scheduled_steps (due_at) WHERE state = 'pending'`);
    await queryRunner.query(`CREATE INDEX scheduled_steps_by_task ON scheduled_steps (task_id)`);
    await queryRunner.query(`
      CREATE TABLE calendar_days (
        date date PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
        note text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`ALTER TABLE documents ADD COLUMN ladder jsonb`);
    await queryRunner.query(`ALTER TABLE notices ADD COLUMN step_id uuid REFERENCES scheduled_steps(id)`);
    await queryRunner.query(`ALTER TABLE notices ADD COLUMN due_at timestamptz`);
    await queryRunner.query(`ALTER TABLE notices ADD COLUMN delivered_late boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notices DROP COLUMN delivered_late, DROP COLUMN due_at, DROP COLUMN step_id`);
    for (const table of ['calendar_days', 'scheduled_steps']) await queryRunner.query(`DROP TABLE ${table}`);
    await queryRunner.query(`ALTER TABLE documents DROP COLUMN ladder`);
  }
}
