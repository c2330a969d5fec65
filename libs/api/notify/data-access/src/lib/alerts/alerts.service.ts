import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  permissionsOf,
  type AlertEvent,
  type AlertRule,
  type AlertRuleInput,
  type Permission,
} from '@returnlens/shared/contracts';
import {
  APP_CONFIG,
  batchEvents,
  loggableError,
  type AppConfig,
} from '@returnlens/api/shared/util';
import { AlertEvaluator, type AlertEvaluationSummary, type AlertTrigger } from './alert-evaluator';
import { metricRefusal, ruleProblem } from './alert-rules';
import {
  AlertStore,
  toAlertEvent,
  toAlertRule,
  type AlertRuleChange,
  type AlertRuleRow,
} from './alert-store';

/** A rule refused: 400 for a bad combination (naming the field), 403 for a figure the owner may not see. */
export class AlertRuleError extends Error {
  constructor(
    readonly status: 400 | 403,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'AlertRuleError';
  }
}

/** Who asks: their user id (null for a token) and permissions; owners and admins see everyone's rules. */
export interface AlertCaller {
  readonly userId: string | null;
  readonly permissions: readonly Permission[];
  readonly manageAll: boolean;
}

/**
 * Alert rules (docs/notifications.md, "Alerts"): CRUD for their owners (owner/admin for
 * everyone's), and `evaluateAll` — after every committed batch (the `batchEvents` hook, run
 * after the commit and never failing the batch) and on the scheduler's tick. Evaluations run
 * one at a time; calls arriving during one are answered by a single next run.
 */
@Injectable()
export class AlertsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Alerts');
  private unsubscribe: (() => void) | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private waiting: Promise<AlertEvaluationSummary> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: AlertStore,
    private readonly evaluator: AlertEvaluator,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.notify.enabled) return;
    this.unsubscribe = batchEvents.onCommitted(() => {
      void this.evaluateAll('batch');
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.tail.catch(() => undefined);
  }

  /**
   * Evaluates every active rule; never rejects (a failure is logged and counted). A call while
   * an evaluation runs waits for it and shares the one run after it.
   */
  evaluateAll(trigger: AlertTrigger): Promise<AlertEvaluationSummary> {
    if (this.waiting) return this.waiting;
    const run = this.tail.then(async () => {
      this.waiting = null;
      try {
        return await this.evaluator.evaluate(trigger);
      } catch (error) {
        this.logger.error(`Alert evaluation (${trigger}) failed: ${loggableError(error)}`);
        return { trigger, rules: 0, fired: 0, skipped: {}, failed: 1 };
      }
    });
    this.waiting = run;
    this.tail = run;
    return run;
  }

  async list(caller: AlertCaller, all: boolean): Promise<AlertRule[]> {
    const rows = await this.store.list(
      all && caller.manageAll ? undefined : (caller.userId ?? '0'),
    );
    return rows.map((r) => toAlertRule(r, r.userId === caller.userId));
  }

  async events(caller: AlertCaller, all: boolean, limit: number): Promise<AlertEvent[]> {
    const rows = await this.store.events(
      all && caller.manageAll ? undefined : (caller.userId ?? '0'),
      limit,
    );
    return rows.map(toAlertEvent);
  }

  /** A rule the caller may change: their own, or anyone's for an owner/admin; undefined otherwise. */
  async visible(caller: AlertCaller, id: string): Promise<AlertRuleRow | undefined> {
    const row = await this.store.get(id);
    if (!row || (row.userId !== caller.userId && !caller.manageAll)) return undefined;
    return row;
  }

  /** Creates a rule for `ownerId` (the caller, or anyone for an owner/admin). */
  async create(
    caller: AlertCaller,
    input: AlertRuleInput,
    owner: { id: string; roles: readonly string[] },
  ): Promise<AlertRule> {
    await this.check(caller, input, owner.roles);
    const row = await this.store.create(owner.id, input);
    return toAlertRule(row, row.userId === caller.userId);
  }

  async update(
    caller: AlertCaller,
    current: AlertRuleRow,
    change: AlertRuleChange,
  ): Promise<AlertRule> {
    const merged = {
      metric: change.metric ?? current.metric,
      kind: change.kind ?? current.kind,
      operator: change.operator === undefined ? current.operator : change.operator,
      value: change.value === undefined ? current.value : change.value,
      policyId: change.policyId === undefined ? current.policyId : change.policyId,
    };
    await this.check(caller, merged, current.userRoles);
    const row = (await this.store.update(current.id, change))!;
    return toAlertRule(row, row.userId === caller.userId);
  }

  /** The user a new rule is for: the caller, or — owner/admin only — `userId`. */
  async owner(caller: AlertCaller, callerRoles: readonly string[], userId?: string) {
    if (userId === undefined || userId === caller.userId) {
      if (!caller.userId)
        throw new AlertRuleError(
          400,
          'userId',
          'userId is required: an API token has no rules of its own',
        );
      return { id: caller.userId, roles: callerRoles };
    }
    if (!caller.manageAll)
      throw new AlertRuleError(
        403,
        'userId',
        'Only an owner or admin makes alert rules for someone else',
      );
    const user = await this.store.user(userId);
    if (!user)
      throw new AlertRuleError(400, 'userId', `userId ${userId} is not an active user of the shop`);
    return user;
  }

  remove(id: string): Promise<boolean> {
    return this.store.remove(id);
  }

  /** A valid combination of a figure the caller and the rule's owner may both see. */
  private async check(
    caller: AlertCaller,
    rule: Parameters<typeof ruleProblem>[0],
    ownerRoles: readonly string[],
  ): Promise<void> {
    const problem = ruleProblem(rule);
    if (problem) throw new AlertRuleError(400, problem.field, problem.message);
    if (
      rule.policyId !== undefined &&
      rule.policyId !== null &&
      !(await this.store.policyExists(rule.policyId))
    )
      throw new AlertRuleError(
        400,
        'policyId',
        `policyId ${rule.policyId} is not an SLA policy of the shop`,
      );
    const mine = metricRefusal(rule.metric, caller.permissions);
    if (mine) throw new AlertRuleError(403, 'metric', mine);
    const theirs = metricRefusal(rule.metric, permissionsOf({ roles: ownerRoles }));
    if (theirs)
      throw new AlertRuleError(
        403,
        'metric',
        theirs.replace('which you do not hold', "which the rule's owner does not hold"),
      );
  }
}
