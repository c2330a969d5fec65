import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Digests, alerts and their deliveries (docs/notifications.md).
 * - `notify_subscriptions`: a user's role digest, its channel, schedule (shop time zone) and
 *   the next slot it is due (`next_run_at`, null while paused);
 * - `alert_rules` and `alert_events`: one event per rule and period (the de-duplication);
 * - `notify_deliveries`: every message and its attempts. A scheduled slot is delivered once,
 *   ever (the partial unique index), so a restart after a kill -9 or a missed slot never sends
 *   a digest twice. Digests are rendered at send time; alerts carry their pre-rendered
 *   `message`; deliveries without a subscription (the command line) keep what to render in
 *   `digest`.
 */
export class Notifications1764900000000 implements MigrationInterface {
  name = 'Notifications1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notify_subscriptions (
        id                 bigserial PRIMARY KEY,
        shop_id            smallint NOT NULL DEFAULT 1,
        user_id            bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role               text NOT NULL CHECK (role IN ('owner', 'buyer', 'manager')),
        channel            text NOT NULL CHECK (channel IN ('email', 'webhook')),
        target             text NOT NULL CHECK (length(target) BETWEEN 1 AND 2000),
        schedule           jsonb NOT NULL,
        filters            jsonb NOT NULL DEFAULT '{}',
        when_quiet         text NOT NULL DEFAULT 'note' CHECK (when_quiet IN ('note', 'skip')),
        attach_pdf         boolean NOT NULL DEFAULT false,
        attach_csv         boolean NOT NULL DEFAULT false,
        paused             boolean NOT NULL DEFAULT false,
        secret             text,
        unsubscribe_token  text NOT NULL UNIQUE,
        unsubscribed_at    timestamptz,
        next_run_at        timestamptz,
        last_run_at        timestamptz,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      'CREATE INDEX notify_subscriptions_due ON notify_subscriptions (next_run_at) WHERE NOT paused',
    );
    await q.query('CREATE INDEX notify_subscriptions_user ON notify_subscriptions (user_id)');
    await q.query(`
      CREATE TABLE alert_rules (
        id                 bigserial PRIMARY KEY,
        shop_id            smallint NOT NULL DEFAULT 1,
        user_id            bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        metric             text NOT NULL,
        kind               text NOT NULL CHECK (kind IN ('threshold', 'change', 'control_limit')),
        operator           text CHECK (operator IN ('<', '>')),
        value              double precision,
        policy_id          integer,
        filters            jsonb NOT NULL DEFAULT '{}',
        channel            text NOT NULL CHECK (channel IN ('email', 'webhook')),
        target             text NOT NULL CHECK (length(target) BETWEEN 1 AND 2000),
        secret             text,
        quiet_hours        integer NOT NULL DEFAULT 24 CHECK (quiet_hours >= 0),
        paused             boolean NOT NULL DEFAULT false,
        unsubscribe_token  text NOT NULL UNIQUE,
        unsubscribed_at    timestamptz,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX alert_rules_user ON alert_rules (user_id)');
    await q.query(`
      CREATE TABLE alert_events (
        id          bigserial PRIMARY KEY,
        shop_id     smallint NOT NULL DEFAULT 1,
        rule_id     bigint NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
        period      text NOT NULL,
        value       double precision,
        sentence    text NOT NULL,
        detail      jsonb,
        created_at  timestamptz NOT NULL DEFAULT now(),
        UNIQUE (rule_id, period)
      )`);
    await q.query('CREATE INDEX alert_events_created ON alert_events (shop_id, created_at DESC)');
    await q.query(`
      CREATE TABLE notify_deliveries (
        id               bigserial PRIMARY KEY,
        shop_id          smallint NOT NULL DEFAULT 1,
        subscription_id  bigint REFERENCES notify_subscriptions (id) ON DELETE CASCADE,
        alert_rule_id    bigint REFERENCES alert_rules (id) ON DELETE CASCADE,
        alert_event_id   bigint REFERENCES alert_events (id) ON DELETE CASCADE,
        trigger          text NOT NULL CHECK (trigger IN ('schedule', 'test', 'command', 'alert')),
        channel          text NOT NULL CHECK (channel IN ('email', 'webhook')),
        target           text NOT NULL,
        secret           text,
        slot             timestamptz NOT NULL,
        status           text NOT NULL DEFAULT 'pending'
                           CHECK (status IN ('pending', 'sending', 'sent', 'skipped', 'failed')),
        attempts         integer NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz NOT NULL DEFAULT now(),
        claimed_at       timestamptz,
        subject          text,
        error            text,
        message          jsonb,
        digest           jsonb,
        created_at       timestamptz NOT NULL DEFAULT now(),
        sent_at          timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX notify_deliveries_slot ON notify_deliveries (subscription_id, slot) WHERE trigger = 'schedule'`,
    );
    await q.query(
      'CREATE INDEX notify_deliveries_due ON notify_deliveries (status, next_attempt_at)',
    );
    await q.query(
      'CREATE INDEX notify_deliveries_subscription ON notify_deliveries (subscription_id, created_at DESC)',
    );
    await q.query(
      'CREATE INDEX notify_deliveries_rule ON notify_deliveries (alert_rule_id, created_at DESC)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS notify_deliveries');
    await q.query('DROP TABLE IF EXISTS alert_events');
    await q.query('DROP TABLE IF EXISTS alert_rules');
    await q.query('DROP TABLE IF EXISTS notify_subscriptions');
  }
}
