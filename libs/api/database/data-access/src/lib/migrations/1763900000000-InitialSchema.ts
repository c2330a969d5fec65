import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  BATCH_STATUSES,
  CHANNELS,
  CLAIM_STATUSES,
  CLAIM_TYPES,
  FEEDBACK_SOURCES,
  INGEST_FORMATS,
  INGEST_KINDS,
  INSPECTION_OUTCOMES,
  REASON_CATEGORIES,
  REASONS,
  RESOLUTIONS,
  SENTIMENT_LABELS,
} from '@returnlens/shared/contracts';

/** `'a', 'b'` for a CHECK (x IN (...)) list; the values are our own constants. */
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The whole schema of docs/domain.md. Every shop-owned table leads its key with `shop_id`,
 * the column it would be distributed by on Citus (docs/decisions/0003-shop-id-distribution-column.md).
 * References between facts (claim → order, claim → SKU) are kept as the shop's external ids
 * without foreign keys, so a claim for an order not (yet) loaded is stored, not lost.
 */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reason_categories (
        code        text PRIMARY KEY,
        label       text NOT NULL,
        sort_order  smallint NOT NULL UNIQUE
      )`);
    await q.query(`
      CREATE TABLE reasons (
        code           text PRIMARY KEY,
        category_code  text NOT NULL REFERENCES reason_categories (code),
        label          text NOT NULL,
        description    text NOT NULL
      )`);
    for (const [i, category] of REASON_CATEGORIES.entries()) {
      await q.query('INSERT INTO reason_categories (code, label, sort_order) VALUES ($1, $2, $3)', [
        category.code,
        category.label,
        i + 1,
      ]);
    }
    for (const reason of REASONS) {
      await q.query(
        'INSERT INTO reasons (code, category_code, label, description) VALUES ($1, $2, $3, $4)',
        [reason.code, reason.category, reason.label, reason.description],
      );
    }

    await q.query(`
      CREATE TABLE ingest_batches (
        id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        shop_id          smallint NOT NULL DEFAULT 1,
        kind             text NOT NULL CHECK (kind IN (${list(INGEST_KINDS)})),
        format           text NOT NULL CHECK (format IN (${list(INGEST_FORMATS)})),
        status           text NOT NULL DEFAULT 'running' CHECK (status IN (${list(BATCH_STATUSES)})),
        source_name      text,
        checksum         text,
        idempotency_key  text,
        received_count   integer NOT NULL DEFAULT 0,
        inserted_count   integer NOT NULL DEFAULT 0,
        updated_count    integer NOT NULL DEFAULT 0,
        rejected_count   integer NOT NULL DEFAULT 0,
        unlinked_count   integer NOT NULL DEFAULT 0,
        error            text,
        started_at       timestamptz NOT NULL DEFAULT now(),
        finished_at      timestamptz
      )`);
    await q.query(`
      CREATE UNIQUE INDEX ingest_batches_idempotency_key
        ON ingest_batches (shop_id, idempotency_key) WHERE idempotency_key IS NOT NULL`);
    await q.query(
      'CREATE INDEX ingest_batches_started ON ingest_batches (shop_id, started_at DESC)',
    );

    await q.query(`
      CREATE TABLE rejected_rows (
        batch_id    bigint NOT NULL REFERENCES ingest_batches (id) ON DELETE CASCADE,
        row_number  integer NOT NULL,
        raw         text NOT NULL,
        errors      jsonb NOT NULL,
        PRIMARY KEY (batch_id, row_number)
      )`);

    await q.query(`
      CREATE TABLE suppliers (
        shop_id      smallint NOT NULL DEFAULT 1,
        external_id  text NOT NULL,
        name         text NOT NULL,
        country      char(2),
        batch_id     bigint REFERENCES ingest_batches (id),
        ingested_at  timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (shop_id, external_id)
      )`);

    await q.query(`
      CREATE TABLE products (
        shop_id             smallint NOT NULL DEFAULT 1,
        sku                 text NOT NULL,
        name                text NOT NULL,
        category            text NOT NULL,
        supplier_id         text,
        listing_changed_at  timestamptz,
        batch_id            bigint REFERENCES ingest_batches (id),
        ingested_at         timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (shop_id, sku)
      )`);
    await q.query('CREATE INDEX products_supplier ON products (shop_id, supplier_id)');
    await q.query('CREATE INDEX products_category ON products (shop_id, category)');

    await q.query(`
      CREATE TABLE sales (
        shop_id       smallint NOT NULL DEFAULT 1,
        external_id   text NOT NULL,
        order_id      text NOT NULL,
        sku           text NOT NULL,
        quantity      integer NOT NULL CHECK (quantity > 0),
        unit_price    numeric(14, 2) NOT NULL CHECK (unit_price >= 0),
        currency      char(3) NOT NULL,
        ordered_at    timestamptz NOT NULL,
        promised_at   timestamptz,
        delivered_at  timestamptz,
        customer_id   text,
        batch_id      bigint REFERENCES ingest_batches (id),
        ingested_at   timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (shop_id, external_id)
      )`);
    await q.query('CREATE INDEX sales_ordered ON sales (shop_id, ordered_at)');
    await q.query('CREATE INDEX sales_sku_ordered ON sales (shop_id, sku, ordered_at)');
    await q.query('CREATE INDEX sales_order ON sales (shop_id, order_id)');
    await q.query('CREATE INDEX sales_customer ON sales (shop_id, customer_id)');

    await q.query(`
      CREATE TABLE claims (
        shop_id               smallint NOT NULL DEFAULT 1,
        external_id           text NOT NULL,
        type                  text NOT NULL CHECK (type IN (${list(CLAIM_TYPES)})),
        channel               text NOT NULL CHECK (channel IN (${list(CHANNELS)})),
        order_id              text,
        sku                   text,
        quantity              integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
        stated_reason_code    text REFERENCES reasons (code),
        inferred_reason_code  text REFERENCES reasons (code),
        inferred_confidence   real CHECK (inferred_confidence BETWEEN 0 AND 1),
        reason_code           text NOT NULL
                              GENERATED ALWAYS AS (COALESCE(stated_reason_code, inferred_reason_code, 'other')) STORED,
        reason_source         text NOT NULL GENERATED ALWAYS AS (
                                CASE WHEN stated_reason_code IS NOT NULL THEN 'stated'
                                     WHEN inferred_reason_code IS NOT NULL THEN 'inferred'
                                     ELSE 'none' END) STORED,
        reason_text           text,
        opened_at             timestamptz NOT NULL,
        first_response_at     timestamptz,
        resolved_at           timestamptz,
        refunded_at           timestamptz,
        status                text NOT NULL CHECK (status IN (${list(CLAIM_STATUSES)})),
        resolution            text CHECK (resolution IN (${list(RESOLUTIONS)})),
        refund_amount         numeric(14, 2) CHECK (refund_amount >= 0),
        currency              char(3),
        inspection_outcome    text CHECK (inspection_outcome IN (${list(INSPECTION_OUTCOMES)})),
        contact_count         integer NOT NULL DEFAULT 1 CHECK (contact_count >= 0),
        assignee              text,
        customer_id           text,
        batch_id              bigint REFERENCES ingest_batches (id),
        ingested_at           timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (shop_id, external_id),
        CONSTRAINT claims_refund_has_currency CHECK (refund_amount IS NULL OR currency IS NOT NULL)
      )`);
    await q.query(
      'CREATE INDEX claims_opened ON claims (shop_id, opened_at) INCLUDE (reason_code, quantity)',
    );
    await q.query('CREATE INDEX claims_sku_opened ON claims (shop_id, sku, opened_at)');
    await q.query('CREATE INDEX claims_reason_opened ON claims (shop_id, reason_code, opened_at)');
    await q.query('CREATE INDEX claims_order ON claims (shop_id, order_id)');
    await q.query('CREATE INDEX claims_customer ON claims (shop_id, customer_id)');
    await q.query(
      'CREATE INDEX claims_open ON claims (shop_id, opened_at) WHERE resolved_at IS NULL',
    );

    await q.query(`
      CREATE TABLE feedback (
        shop_id          smallint NOT NULL DEFAULT 1,
        external_id      text NOT NULL,
        source           text NOT NULL CHECK (source IN (${list(FEEDBACK_SOURCES)})),
        sku              text,
        order_id         text,
        claim_id         text,
        rating           smallint CHECK (rating BETWEEN 1 AND 5),
        text             text,
        created_at       timestamptz NOT NULL,
        language         text,
        sentiment_score  real CHECK (sentiment_score BETWEEN -1 AND 1),
        sentiment_label  text CHECK (sentiment_label IN (${list(SENTIMENT_LABELS)})),
        rating_label     text GENERATED ALWAYS AS (
                           CASE WHEN rating <= 2 THEN 'negative'
                                WHEN rating = 3 THEN 'neutral'
                                WHEN rating >= 4 THEN 'positive' END) STORED,
        aspects          jsonb,
        batch_id         bigint REFERENCES ingest_batches (id),
        ingested_at      timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (shop_id, external_id),
        CONSTRAINT feedback_has_subject CHECK (sku IS NOT NULL OR order_id IS NOT NULL OR claim_id IS NOT NULL),
        CONSTRAINT feedback_has_content CHECK (rating IS NOT NULL OR text IS NOT NULL)
      )`);
    await q.query('CREATE INDEX feedback_created ON feedback (shop_id, created_at)');
    await q.query('CREATE INDEX feedback_sku_created ON feedback (shop_id, sku, created_at)');
    await q.query('CREATE INDEX feedback_order ON feedback (shop_id, order_id)');
    await q.query('CREATE INDEX feedback_language ON feedback (shop_id, language)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'feedback',
      'claims',
      'sales',
      'products',
      'suppliers',
      'rejected_rows',
      'ingest_batches',
      'reasons',
      'reason_categories',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
