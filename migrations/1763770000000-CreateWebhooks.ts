import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWebhooks1763770000000 implements MigrationInterface {
  name = 'CreateWebhooks1763770000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One webhook per unit: a bureau's own system receives the unit's notices. The secret signs
    // each request (HMAC), so it is kept as given; it never leaves the server.
    await queryRunner.query(`
      CREATE TABLE unit_webhooks (
        unit_code text PRIMARY KEY REFERENCES units(code),
        url text NOT NULL CHECK (url ~* '^https?://'),
        secret text NOT NULL CHECK (length(secret) >= 32),
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The outbox of external channels: a row per notice and channel, written in the notice's own
    // transaction. Queued jobs only wake these rows up; the row says whether the notice went out.
    await queryRunner.query(`
      CREATE TABLE notice_deliveries (
        notice_id uuid NOT NULL REFERENCES notices(id),
        channel text NOT NULL CHECK (channel IN ('webhook')),
        state text NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        last_status int,
        not_before timestamptz NOT NULL,
        delivered_at timestamptz,
        PRIMARY KEY (notice_id, channel)
      )`);
    await queryRunner.query(
      `CREATE INDEX notice_deliveries_pending ON notice_deliveries (not_before) WHERE state = 'pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['notice_deliveries', 'unit_webhooks']) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
