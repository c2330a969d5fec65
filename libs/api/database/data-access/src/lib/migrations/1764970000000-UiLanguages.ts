import type { MigrationInterface, QueryRunner } from 'typeorm';

const LANGUAGES = "('en', 'ru', 'pl', 'he', 'uk', 'de', 'pt', 'es')";

/**
 * The dashboard's interface language (docs/i18n.md): the one a user chose, kept with the
 * account (`users.language`, null: follow the browser), and the shop's default for browsers
 * that name none the dashboard speaks (`shop_settings.default_language`).
 */
export class UiLanguages1764970000000 implements MigrationInterface {
  name = 'UiLanguages1764970000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN language text CHECK (language IN ${LANGUAGES})`);
    await q.query(`ALTER TABLE shop_settings
      ADD COLUMN default_language text NOT NULL DEFAULT 'en' CHECK (default_language IN ${LANGUAGES})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE shop_settings DROP COLUMN default_language');
    await q.query('ALTER TABLE users DROP COLUMN language');
  }
}
