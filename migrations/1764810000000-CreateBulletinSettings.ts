import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-document texts of the 通报's form (红头, 主送, 抄送, 落款, 印发机关) and its report-back time,
 * written by libs/reporting (BulletinSettingsService). A document without a row uses the defaults.
 */
export class CreateBulletinSettings1764810000000 implements MigrationInterface {
  name = 'CreateBulletinSettings1764810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE bulletin_settings (
        document_id uuid PRIMARY KEY REFERENCES documents(id),
        masthead text NOT NULL,
        issuing_office text NOT NULL,
        main_recipients text NOT NULL,
        copy_to text,
        signatory text NOT NULL,
        printing_office text NOT NULL,
        report_back_working_days int NOT NULL CHECK (report_back_working_days BETWEEN 1 AND 60),
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE bulletin_settings`);
  }
}
