import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The console's inbox tabs filter a unit's tasks by state (待签收 is state 'assigned', nearest deadline
 * first) and its review tab the tasks it assigned by state: with the state beside the unit, a tab's first
 * page and the tab counts read only the matching index entries (bench: console.*).
 */
export class ConsoleInboxIndexes1764700000000 implements MigrationInterface {
  name = 'ConsoleInboxIndexes1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX tasks_by_unit_state ON tasks (unit_code, state, deadline, id)`);
    await queryRunner.query(`CREATE INDEX tasks_by_assigner_state ON tasks (assigner_unit_code, state)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX tasks_by_assigner_state`);
    await queryRunner.query(`DROP INDEX tasks_by_unit_state`);
  }
}
