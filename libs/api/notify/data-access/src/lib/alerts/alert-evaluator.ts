import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { permissionsOf } from '@returnlens/shared/contracts';
import { DataSource } from 'typeorm';
import { APP_CONFIG, loggableError, type AppConfig } from '@returnlens/api/shared/util';
import { DeliveryService } from '../delivery/delivery.service';
import { alertSentenceIn, decideRule, type Firing, type SkipReason } from './alert-decision';
import { notifyText } from '../i18n/notify-text';
import { AlertFigures, type FigureRun } from './alert-figures';
import { alertLink, renderAlertMessage } from './alert-message';
import { metricRefusal } from './alert-rules';
import { AlertStore, type AlertRuleRow } from './alert-store';

export type AlertTrigger = 'batch' | 'schedule';

/** What one evaluation did (logged; returned to the caller). */
export interface AlertEvaluationSummary {
  readonly trigger: AlertTrigger;
  readonly rules: number;
  /** Events created (each with its delivery queued). */
  readonly fired: number;
  /** Observations that did not fire, by reason. */
  readonly skipped: Partial<Record<SkipReason | 'not_permitted', number>>;
  /** Rules whose figure could not be computed (the error is logged). */
  readonly failed: number;
}

/**
 * One evaluation of every active rule (docs/notifications.md, "Alerts"): its figure as the
 * dashboard computes it, the decision (alert-decision.ts), and for each firing — in one
 * transaction with the rule locked — the event (once per rule and period) and its delivery
 * with the message rendered now.
 */
@Injectable()
export class AlertEvaluator {
  private readonly logger = new Logger('Alerts');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: AlertStore,
    private readonly figures: AlertFigures,
    private readonly deliveries: DeliveryService,
  ) {}

  async evaluate(trigger: AlertTrigger, now = new Date()): Promise<AlertEvaluationSummary> {
    const rules = await this.store.active();
    const skipped: Record<string, number> = {};
    let fired = 0;
    let failed = 0;
    if (rules.length > 0) {
      const run = this.figures.run(now);
      for (const rule of rules) {
        try {
          const outcome = await this.evaluateRule(rule, run, now);
          fired += outcome.fired;
          for (const reason of outcome.skipped) skipped[reason] = (skipped[reason] ?? 0) + 1;
        } catch (error) {
          failed++;
          this.logger.error(
            `Alert rule ${rule.id} could not be evaluated: ${loggableError(error)}`,
          );
        }
      }
      if (fired > 0) this.deliveries.wake();
    }
    const summary = { trigger, rules: rules.length, fired, skipped, failed };
    if (fired > 0 || failed > 0)
      this.logger.log(
        `Alerts (${trigger}): ${rules.length} rules, ${fired} fired, ${failed} failed; skipped ${JSON.stringify(skipped)}`,
      );
    return summary;
  }

  private async evaluateRule(
    rule: AlertRuleRow,
    run: FigureRun,
    now: Date,
  ): Promise<{ fired: number; skipped: (SkipReason | 'not_permitted')[] }> {
    // Roles can change after a rule was made: nobody is told a figure they may not see.
    if (metricRefusal(rule.metric, permissionsOf({ roles: rule.userRoles }))) {
      return { fired: 0, skipped: ['not_permitted'] };
    }
    const observations = await run.observe(rule);
    if (observations.length === 0) return { fired: 0, skipped: [] };
    const history = await this.store.history(
      rule.id,
      observations.map((o) => o.period),
    );
    const decision = decideRule(rule, observations, history, now);
    const skipped = decision.skipped.map((s) => s.reason);
    if (decision.fire.length === 0) return { fired: 0, skipped };
    const fired = await this.fire(rule, decision.fire, now);
    return { fired, skipped };
  }

  /**
   * The events and their deliveries, in one transaction: the rule is locked and its quiet
   * period checked again (another evaluation may have fired it meanwhile); a period that got
   * its event meanwhile is left alone (ON CONFLICT DO NOTHING).
   */
  private async fire(rule: AlertRuleRow, firings: readonly Firing[], now: Date): Promise<number> {
    return this.db.transaction(async (tx) => {
      if (!(await this.store.lockActive(rule.id, tx))) return 0;
      const history = await this.store.history(
        rule.id,
        firings.map((f) => f.observation.period),
        tx,
      );
      const recheck = decideRule(
        rule,
        firings.map((f) => f.observation),
        history,
        now,
      );
      let created = 0;
      for (const firing of recheck.fire) {
        const obs = firing.observation;
        const event = await this.store.insertEvent(tx, {
          ruleId: rule.id,
          period: obs.period,
          value: obs.value,
          sentence: firing.sentence,
          detail: {
            ...(obs.detail ?? {}),
            week: obs.week,
            label: obs.label,
            baseline: obs.baseline ?? null,
          },
        });
        if (!event) continue;
        const supplierId =
          rule.metric === 'defect_rate' && rule.kind !== 'threshold'
            ? (obs.detail?.['supplierId'] as string | undefined)
            : undefined;
        const message = renderAlertMessage({
          ruleName: rule.name,
          metric: rule.metric,
          kind: rule.kind,
          filters: rule.filters ?? {},
          quietHours: rule.quietHours,
          period: obs.period,
          week: obs.week,
          // The event keeps the English sentence; the owner reads it in their language.
          sentence: alertSentenceIn(rule, obs, notifyText(rule.language)),
          link: alertLink(
            this.config.notify.publicUrl,
            rule.metric,
            rule.filters ?? {},
            obs.week,
            supplierId,
          ),
          unsubscribeUrl: `${this.config.notify.publicUrl}/api/unsubscribe/${encodeURIComponent(rule.unsubscribeToken)}`,
          at: event.createdAt,
          language: notifyText(rule.language).language,
        });
        await this.deliveries.enqueue(tx, {
          trigger: 'alert',
          channel: rule.channel,
          target: rule.target,
          secret: rule.secret,
          slot: event.createdAt,
          alertRuleId: rule.id,
          alertEventId: event.id,
          message,
        });
        created++;
      }
      return created;
    });
  }
}
