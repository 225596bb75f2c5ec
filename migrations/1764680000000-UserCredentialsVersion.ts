import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A token carries its user's credentials version; disabling, demoting, moving, deleting, a new password
 * or a logout bump it, so every token issued before stops at its next request. `user_changes` records
 * who changed which user, and how (never a password).
 */
export class UserCredentialsVersion1764680000000 implements MigrationInterface {
  name = 'UserCredentialsVersion1764680000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE users ADD COLUMN credentials_version integer NOT NULL DEFAULT 1');
    await queryRunner.query(`
      CREATE TABLE user_changes (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL,
        username text NOT NULL,
        action text NOT NULL CHECK (action IN ('create', 'update', 'delete', 'password_reset', 'logout')),
        changes jsonb NOT NULL DEFAULT '{}',
        actor_user_id uuid,
        actor_username text NOT NULL,
        at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX user_changes_by_user ON user_changes (user_id, at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE user_changes');
    await queryRunner.query('ALTER TABLE users DROP COLUMN credentials_version');
  }
}
