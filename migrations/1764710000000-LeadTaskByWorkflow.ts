import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every ladder read names the workflow's supervisor: the assigner of its lead task. A workflow of a
 * measure split down to cities holds a hundred tasks or more; this index finds its lead task in one
 * probe instead of reading and sorting them all (status lights on every inbox page, every replan).
 */
export class LeadTaskByWorkflow1764710000000 implements MigrationInterface {
  name = 'LeadTaskByWorkflow1764710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX tasks_lead_by_workflow ON tasks (workflow_id, created_at) INCLUDE (assigner_unit_code) WHERE kind = 'lead'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX tasks_lead_by_workflow`);
  }
}
