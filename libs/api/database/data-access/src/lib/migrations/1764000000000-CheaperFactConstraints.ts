import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REASONS } from '@returnlens/shared/contracts';

const REASON_LIST = REASONS.map((r) => `'${r.code}'`).join(', ');

/**
 * Foreign keys on the fact tables fire a trigger per row: on a bulk load of claims they cost
 * more than a third of the merge. Reason codes become CHECK constraints over the taxonomy
 * (which changes only by migration anyway) and `batch_id` a plain reference, validated by
 * the ingest pipeline that writes it.
 */
export class CheaperFactConstraints1764000000000 implements MigrationInterface {
  name = 'CheaperFactConstraints1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims
      DROP CONSTRAINT IF EXISTS claims_stated_reason_code_fkey,
      DROP CONSTRAINT IF EXISTS claims_inferred_reason_code_fkey,
      DROP CONSTRAINT IF EXISTS claims_batch_id_fkey,
      ADD CONSTRAINT claims_stated_reason_known CHECK (stated_reason_code IN (${REASON_LIST})),
      ADD CONSTRAINT claims_inferred_reason_known CHECK (inferred_reason_code IN (${REASON_LIST}))`);
    for (const table of ['sales', 'feedback', 'products', 'suppliers']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${table}_batch_id_fkey`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims
      DROP CONSTRAINT IF EXISTS claims_stated_reason_known,
      DROP CONSTRAINT IF EXISTS claims_inferred_reason_known,
      ADD CONSTRAINT claims_stated_reason_code_fkey FOREIGN KEY (stated_reason_code) REFERENCES reasons (code),
      ADD CONSTRAINT claims_inferred_reason_code_fkey FOREIGN KEY (inferred_reason_code) REFERENCES reasons (code),
      ADD CONSTRAINT claims_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES ingest_batches (id)`);
    for (const table of ['sales', 'feedback', 'products', 'suppliers']) {
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES ingest_batches (id)`,
      );
    }
  }
}
