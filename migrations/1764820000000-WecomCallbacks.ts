import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The WeCom callback's memory: each accepted message's msg_signature and nonce once (a replay hits
 * the primary key), and every refused callback with the rule it broke, for the security review.
 */
export class WecomCallbacks1764820000000 implements MigrationInterface {
  name = 'WecomCallbacks1764820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE wecom_callback_receipts (
        msg_signature text NOT NULL,
        nonce text NOT NULL,
        received_at timestamptz NOT NULL,
        PRIMARY KEY (msg_signature, nonce)
      )`);
    await queryRunner.query(`
      CREATE TABLE wecom_callback_refusals (
        id bigserial PRIMARY KEY,
        received_at timestamptz NOT NULL,
        code text NOT NULL,
        msg_signature text,
        nonce text,
        sent_at text,
        wecom_user_id text,
        task_id text
      )`);
    await queryRunner.query(`CREATE INDEX wecom_callback_refusals_received ON wecom_callback_refusals (received_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['wecom_callback_refusals', 'wecom_callback_receipts'])
      await queryRunner.query(`DROP TABLE ${table}`);
  }
}
