import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Weekly rollups that keep dashboard queries off the raw fact tables (docs/architecture.md, docs/performance.md),
 * SLA policies and the business calendar they are measured in.
 *
 * Every rollup is keyed by shop and by `week` — the Monday of the ISO week in the shop's
 * time zone — and is small: its size is bounded by weeks × dimension values, not by rows.
 * Supplier- and category-level rollups are derived from the SKU-level ones joined to the
 * current catalogue, so re-assigning a product to another supplier is cheap to follow.
 * Empty strings stand for "none" inside rollup keys (a primary key cannot hold NULL).
 */
export class Rollups1764100000000 implements MigrationInterface {
  name = 'Rollups1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rollup_state (
        shop_id     smallint PRIMARY KEY,
        time_zone   text NOT NULL,
        rebuilt_at  timestamptz NOT NULL DEFAULT now()
      )`);

    // A lattice: each question reads the smallest table that has its dimensions.
    const rollup = (name: string, keys: string, measures: string) =>
      q.query(`CREATE TABLE ${name} (
        shop_id smallint NOT NULL,
        week    date NOT NULL,
        ${keys
          .split(',')
          .map((k) => `${k.trim()} text NOT NULL`)
          .join(',\n')},
        ${measures},
        PRIMARY KEY (shop_id, week, ${keys
          .split(',')
          .map((k) => k.trim())
          .filter((k) => k !== 'reason_category')
          .join(', ')})
      )`);
    const CLAIM_MEASURES =
      'claims integer NOT NULL, units integer NOT NULL, defect_units integer NOT NULL, repeat_claims integer NOT NULL';
    const FEEDBACK_MEASURES =
      'items integer NOT NULL, scored integer NOT NULL, score_sum double precision NOT NULL';
    await rollup(
      'rollup_claims_reason_week',
      'reason_code, reason_category, reason_source',
      CLAIM_MEASURES,
    );
    await rollup(
      'rollup_claims_week',
      'reason_code, reason_category, reason_source, type, channel',
      CLAIM_MEASURES,
    );
    await rollup(
      'rollup_refunds_week',
      'type, channel, currency',
      'refund_claims integer NOT NULL, refund_amount numeric(16, 2) NOT NULL',
    );
    await rollup('rollup_claims_sku_week', 'sku', CLAIM_MEASURES);
    await rollup(
      'rollup_claims_sku_reason_week',
      'sku, reason_code, reason_category',
      CLAIM_MEASURES,
    );
    await rollup(
      'rollup_claims_supplier_week',
      'supplier_id, reason_code, reason_category',
      CLAIM_MEASURES,
    );
    await rollup(
      'rollup_claims_category_week',
      'category, reason_code, reason_category',
      CLAIM_MEASURES,
    );
    await rollup('rollup_sales_sku_week', 'sku', 'lines integer NOT NULL, units bigint NOT NULL');
    await rollup(
      'rollup_sales_supplier_week',
      'supplier_id',
      'lines integer NOT NULL, units bigint NOT NULL',
    );
    await rollup(
      'rollup_sales_category_week',
      'category',
      'lines integer NOT NULL, units bigint NOT NULL',
    );
    await rollup('rollup_feedback_week', 'language, source, rating, label', FEEDBACK_MEASURES);
    await rollup('rollup_feedback_sku_week', 'sku, label', FEEDBACK_MEASURES);
    await rollup('rollup_feedback_supplier_week', 'supplier_id, label', FEEDBACK_MEASURES);
    await rollup('rollup_feedback_category_week', 'category, label', FEEDBACK_MEASURES);
    // Stated against inferred reason of claims that have text (docs/domain.md: the stated code
    // is kept, a disagreement is shown) and review aspects with their sentiment.
    await rollup('rollup_reason_pairs_week', 'stated, inferred', 'claims integer NOT NULL');
    await rollup('rollup_aspects_week', 'language, aspect, sentiment', 'items integer NOT NULL');
    await rollup('rollup_aspects_sku_week', 'sku, aspect, sentiment', 'items integer NOT NULL');

    await q.query(`
      CREATE TABLE sla_policies (
        shop_id       smallint NOT NULL DEFAULT 1,
        id            serial,
        name          text NOT NULL,
        metric        text NOT NULL CHECK (metric IN ('first_response', 'resolution', 'refund')),
        target_hours  numeric(8, 2) NOT NULL CHECK (target_hours > 0),
        clock         text NOT NULL DEFAULT 'calendar' CHECK (clock IN ('calendar', 'business')),
        claim_types   text[] NOT NULL,
        resolutions   text[],
        at_risk_hours numeric(8, 2) NOT NULL DEFAULT 4 CHECK (at_risk_hours >= 0),
        PRIMARY KEY (shop_id, id)
      )`);
    await q.query(`
      INSERT INTO sla_policies (shop_id, name, metric, target_hours, clock, claim_types, resolutions, at_risk_hours) VALUES
        (1, 'First response within 24 h', 'first_response', 24, 'calendar',
            '{return,return_defective,exchange,warranty_repair,complaint}', NULL, 4),
        (1, 'Refund within 10 days', 'refund', 240, 'calendar',
            '{return,return_defective}', '{refund,partial_refund}', 48),
        (1, 'Return decided within 14 days', 'resolution', 336, 'calendar',
            '{return,return_defective,exchange}', NULL, 48),
        (1, 'Warranty repair within 45 days', 'resolution', 1080, 'calendar',
            '{warranty_repair}', NULL, 120)`);

    await q.query(`
      CREATE TABLE business_calendars (
        shop_id       smallint PRIMARY KEY,
        time_zone     text NOT NULL,
        working_days  smallint[] NOT NULL,
        hours         jsonb NOT NULL,
        holidays      date[] NOT NULL DEFAULT '{}',
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    // One row per calendar day: its opening periods in minutes after local midnight (up to
    // three, 0–0 when unused) and the business minutes of all earlier days, so business
    // time between two instants is F(b) − F(a) with two lookups instead of a day loop.
    await q.query(`
      CREATE TABLE calendar_days (
        shop_id     smallint NOT NULL,
        day         date NOT NULL,
        s1 smallint NOT NULL, e1 smallint NOT NULL,
        s2 smallint NOT NULL, e2 smallint NOT NULL,
        s3 smallint NOT NULL, e3 smallint NOT NULL,
        cum_before  bigint NOT NULL,
        PRIMARY KEY (shop_id, day)
      )`);

    await q.query(`
      CREATE TABLE rollup_sla_week (
        shop_id    smallint NOT NULL,
        week       date NOT NULL,
        policy_id  integer NOT NULL,
        type       text NOT NULL,
        channel    text NOT NULL,
        met        integer NOT NULL,
        breached   integer NOT NULL,
        PRIMARY KEY (shop_id, week, policy_id, type, channel)
      )`);
    await q.query(`
      CREATE TABLE rollup_sla_assignee_week (
        shop_id    smallint NOT NULL,
        week       date NOT NULL,
        policy_id  integer NOT NULL,
        assignee   text NOT NULL,
        met        integer NOT NULL,
        breached   integer NOT NULL,
        PRIMARY KEY (shop_id, week, policy_id, assignee)
      )`);

    // Exact median and p90 per week, metric and clock (what the SLA page plots) …
    await q.query(`
      CREATE TABLE rollup_duration_stats_week (
        shop_id  smallint NOT NULL,
        week     date NOT NULL,
        metric   text NOT NULL,
        clock    text NOT NULL,
        n        integer NOT NULL,
        p50      double precision NOT NULL,
        p90      double precision NOT NULL,
        PRIMARY KEY (shop_id, week, metric, clock)
      )`);
    // … and a log-bucketed histogram (bucket width 2 %) for percentiles over several weeks:
    // within 1 % of the exact value. Filtered questions use exact percentiles over raw rows.
    await q.query(`
      CREATE TABLE rollup_durations_week (
        shop_id  smallint NOT NULL,
        week     date NOT NULL,
        metric   text NOT NULL,
        clock    text NOT NULL,
        bucket   smallint NOT NULL,
        n        integer NOT NULL,
        PRIMARY KEY (shop_id, week, metric, clock, bucket)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'rollup_durations_week',
      'rollup_duration_stats_week',
      'rollup_sla_assignee_week',
      'rollup_sla_week',
      'calendar_days',
      'business_calendars',
      'sla_policies',
      'rollup_aspects_sku_week',
      'rollup_aspects_week',
      'rollup_reason_pairs_week',
      'rollup_feedback_category_week',
      'rollup_feedback_supplier_week',
      'rollup_feedback_sku_week',
      'rollup_feedback_week',
      'rollup_sales_category_week',
      'rollup_sales_supplier_week',
      'rollup_sales_sku_week',
      'rollup_claims_category_week',
      'rollup_claims_supplier_week',
      'rollup_claims_sku_reason_week',
      'rollup_claims_sku_week',
      'rollup_refunds_week',
      'rollup_claims_week',
      'rollup_claims_reason_week',
      'rollup_state',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
