import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DEFAULT_REPORTING_SETTINGS,
  type BusinessCalendarSettings,
  type CaseStudyTargets,
  type ReportingSettings,
  type SlaPolicy,
} from '@returnlens/shared/contracts';
import { DEFAULT_SHOP_ID } from '@returnlens/api/shared/util';
import { RollupsService } from '@returnlens/api/rollups/data-access';

/** A policy as sent to replace the list: without an id it is a new one. */
export type SlaPolicyInput = Omit<SlaPolicy, 'id'> & { readonly id?: number };

const POLICY_COLUMNS = `id, name, metric, target_hours::float8 AS "targetHours", clock, claim_types AS "claimTypes",
  resolutions, at_risk_hours::float8 AS "atRiskHours"`;

/**
 * The shop's reporting settings (return window, case-study targets), defaults filled in; read
 * by the settings routes and by every figure that uses them.
 */
export async function readReportingSettings(db: {
  query<T>(sql: string, params: unknown[]): Promise<T>;
}): Promise<ReportingSettings> {
  const [row] = await db.query<{ days: number; targets: Partial<CaseStudyTargets> }[]>(
    'SELECT return_window_days AS days, targets FROM shop_settings WHERE shop_id = $1',
    [DEFAULT_SHOP_ID],
  );
  const defaults = DEFAULT_REPORTING_SETTINGS;
  return row
    ? { returnWindowDays: row.days, targets: { ...defaults.targets, ...row.targets } }
    : defaults;
}

@Injectable()
export class SettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rollups: RollupsService,
  ) {}

  policies(): Promise<SlaPolicy[]> {
    return this.db.query(
      `SELECT ${POLICY_COLUMNS} FROM sla_policies WHERE shop_id = $1 ORDER BY id`,
      [DEFAULT_SHOP_ID],
    );
  }

  /** The whole list replaced (ids kept where given), SLA rollups recomputed — all or nothing. */
  async replacePolicies(policies: readonly SlaPolicyInput[]): Promise<SlaPolicy[]> {
    await this.db.transaction(async (m) => {
      const keep = policies.map((p) => p.id).filter((id): id is number => id !== undefined);
      await m.query('DELETE FROM sla_policies WHERE shop_id = $1 AND NOT (id = ANY($2::int[]))', [
        DEFAULT_SHOP_ID,
        keep,
      ]);
      for (const p of policies) {
        const values = [
          DEFAULT_SHOP_ID,
          p.name,
          p.metric,
          p.targetHours,
          p.clock,
          p.claimTypes,
          p.resolutions,
          p.atRiskHours,
        ];
        if (p.id !== undefined) {
          const updated = await m.query(
            `UPDATE sla_policies SET name = $2, metric = $3, target_hours = $4, clock = $5, claim_types = $6,
                    resolutions = $7, at_risk_hours = $8 WHERE shop_id = $1 AND id = $9 RETURNING id`,
            [...values, p.id],
          );
          if ((updated as unknown[][])[0]?.length || (updated as unknown[]).length) continue;
        }
        await m.query(
          `INSERT INTO sla_policies (shop_id, name, metric, target_hours, clock, claim_types, resolutions, at_risk_hours)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          values,
        );
      }
      await this.rollups.rebuildSla({ query: (sql, params) => m.query(sql, params) });
    });
    return this.policies();
  }

  async calendar(): Promise<BusinessCalendarSettings> {
    await this.rollups.ensureCalendar(this.db);
    const [row] = await this.db.query(
      `SELECT time_zone AS "timeZone", working_days::int[] AS "workingDays", hours,
              ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(holidays) d ORDER BY d) AS holidays
         FROM business_calendars WHERE shop_id = $1`,
      [DEFAULT_SHOP_ID],
    );
    return row;
  }

  async replaceCalendar(calendar: BusinessCalendarSettings): Promise<BusinessCalendarSettings> {
    await this.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO business_calendars (shop_id, time_zone, working_days, hours, holidays, updated_at)
         VALUES ($1, $2, $3, $4, $5::date[], now())
         ON CONFLICT (shop_id) DO UPDATE SET time_zone = EXCLUDED.time_zone, working_days = EXCLUDED.working_days,
           hours = EXCLUDED.hours, holidays = EXCLUDED.holidays, updated_at = now()`,
        [
          DEFAULT_SHOP_ID,
          calendar.timeZone,
          calendar.workingDays,
          JSON.stringify(calendar.hours),
          calendar.holidays,
        ],
      );
      await this.rollups.rebuildSla({ query: (sql, params) => m.query(sql, params) });
    });
    return this.calendar();
  }

  reporting(): Promise<ReportingSettings> {
    return readReportingSettings(this.db);
  }

  /**
   * Stores the reporting settings; the data version moves on, so no answer computed with the
   * old window or targets is served from the cache.
   */
  async replaceReporting(settings: ReportingSettings): Promise<ReportingSettings> {
    await this.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO shop_settings (shop_id, return_window_days, targets, updated_at)
         VALUES ($1, $2, $3, now())
         ON CONFLICT (shop_id) DO UPDATE SET return_window_days = EXCLUDED.return_window_days,
           targets = EXCLUDED.targets, updated_at = now()`,
        [DEFAULT_SHOP_ID, settings.returnWindowDays, JSON.stringify(settings.targets)],
      );
      await m.query('UPDATE data_version SET version = version + 1, changed_at = now()');
    });
    return this.reporting();
  }
}
