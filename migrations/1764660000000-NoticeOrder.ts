import { MigrationInterface, QueryRunner } from 'typeorm';

export class NoticeOrder1764660000000 implements MigrationInterface {
  name = 'NoticeOrder1764660000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The order notices were written in, within a transaction as across them: created_at is the
    // clock's moment and is shared by every notice a batch or a clock jump writes.
    await queryRunner.query(`ALTER TABLE notices ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notices DROP COLUMN seq`);
  }
}
