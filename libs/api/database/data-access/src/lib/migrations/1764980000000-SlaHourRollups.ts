import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SLA counts by opening hour (docs/decisions/0025-sla-by-opening-hour.md), so that the SLA
 * page and the weekly report judge the claims near a deadline cut-off from rollups instead of
 * reading every recent and open claim:
 *
 * - `rollup_sla_hour` / `rollup_sla_assignee_hour`: per policy and UTC opening hour (with the
 *   shop-local week it belongs to), by channel or by assignee, the met and breached claims (as
 *   `rollup_sla_week` counts them) and the open claims still waiting for the policy's event;
 * - `rollup_open_hour`: the open claims per opening hour and type, whether they still wait for
 *   a first response and whether they were refunded — the censored durations, the backlog's
 *   aging and the count of open claims past a deadline;
 * - `claims_awaiting_response`: the open claims without a first response, in opening order.
 *
 * Filled by the next start's rebuild (`rollup_state` is cleared).
 */
export class SlaHourRollups1764980000000 implements MigrationInterface {
  name = 'SlaHourRollups1764980000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, key] of [
      ['rollup_sla_hour', 'channel'],
      ['rollup_sla_assignee_hour', 'assignee'],
    ]) {
      await q.query(`
        CREATE TABLE ${table} (
          shop_id    smallint NOT NULL,
          week       date NOT NULL,
          policy_id  integer NOT NULL,
          hour       timestamptz NOT NULL,
          ${key}     text NOT NULL,
          met        integer NOT NULL,
          breached   integer NOT NULL,
          open_claims integer NOT NULL,
          PRIMARY KEY (shop_id, week, policy_id, hour, ${key})
        )`);
      // The hours after a policy's cut-off, and the hours that hold open claims.
      await q.query(
        `CREATE INDEX ${table}_policy_hour ON ${table} (shop_id, policy_id, hour) INCLUDE (week, ${key}, met, breached, open_claims)`,
      );
      await q.query(
        `CREATE INDEX ${table}_open ON ${table} (shop_id, policy_id, hour) INCLUDE (week, ${key}, met, breached, open_claims) WHERE open_claims > 0`,
      );
    }
    await q.query(`
      CREATE TABLE rollup_open_hour (
        shop_id                 smallint NOT NULL,
        week                    date NOT NULL,
        hour                    timestamptz NOT NULL,
        type                    text NOT NULL,
        first_response_pending  boolean NOT NULL,
        refunded                boolean NOT NULL,
        claims                  integer NOT NULL,
        PRIMARY KEY (shop_id, week, hour, type, first_response_pending, refunded)
      )`);
    await q.query('CREATE INDEX rollup_open_hour_hour ON rollup_open_hour (shop_id, hour)');
    // The SLA lists read each policy's oldest open claims still waiting, in opening order; those
    // waiting for a first response are few among the open claims.
    await q.query(`CREATE INDEX claims_awaiting_response ON claims (shop_id, opened_at)
                   WHERE resolved_at IS NULL AND first_response_at IS NULL`);
    await q.query('DELETE FROM rollup_state');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX claims_awaiting_response');
    await q.query('DROP TABLE rollup_open_hour, rollup_sla_assignee_hour, rollup_sla_hour');
    await q.query('DELETE FROM rollup_state');
  }
}
