import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People's addresses on the external channels and each unit's choice of channels per kind of notice.
 * A DingTalk or WeCom userid names one person (the callback finds the user by it), so each is unique.
 * The mobile is stored sealed (AES-256-GCM, key from the environment) beside its masked form.
 */
export class ChannelAddresses1764800000000 implements MigrationInterface {
  name = 'ChannelAddresses1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE user_channel_addresses (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        dingtalk_user_id text UNIQUE,
        wecom_user_id text UNIQUE,
        mobile_sealed text CHECK (mobile_sealed LIKE 'v1:%'),
        mobile_masked text CHECK (mobile_masked ~ '^1[3-9][0-9]\\*{4}[0-9]{4}$'),
        updated_at timestamptz NOT NULL,
        CHECK ((mobile_sealed IS NULL) = (mobile_masked IS NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE unit_notice_channels (
        unit_code text NOT NULL REFERENCES units(code),
        kind text NOT NULL,
        channels text[] NOT NULL CHECK (channels <@ ARRAY['dingtalk', 'wecom', 'sms']),
        PRIMARY KEY (unit_code, kind)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['unit_notice_channels', 'user_channel_addresses'])
      await queryRunner.query(`DROP TABLE ${table}`);
  }
}
