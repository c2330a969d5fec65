import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  permissionsOf,
  type Delivery,
  type DigestRole,
  type FilterKey,
  type NotifyChannel,
  type Subscription,
} from '@returnlens/shared/contracts';
import { LanguageStore, type FieldProblem } from '@returnlens/web/shared/data-access';
import { FiltersEditorComponent, FilterChipsComponent } from './filters-editor';
import { FormStatusComponent } from '@returnlens/web/shared/ui';
import {
  digestRolesFor,
  errorAt,
  errorsByField,
  hasErrors,
  hourText,
  HOURS,
  isUnsettled,
  newSubscription,
  notifyProblems,
  problemsOfErrors,
  scheduleSentence,
  subscriptionBody,
  subscriptionErrors,
  when,
  WEEKDAYS,
  type FieldErrors,
  type FilterValues,
  type SubscriptionForm,
} from './notify-forms';
import { NotifyApi } from './notify.api';
import { NotifyStore } from './notify.store';
import { WebhookSecretComponent } from './webhook-secret';
import type { Translate } from './i18n/translate';

/** The fields the form names in words: API field → `subscriptions.fields.<key>`. */
const FIELD_KEYS: Readonly<Record<string, string>> = {
  userId: 'userId',
  role: 'role',
  channel: 'channel',
  target: 'target',
  schedule: 'schedule',
  'schedule.frequency': 'frequency',
  'schedule.weekday': 'weekday',
  'schedule.hour': 'hour',
  filters: 'filters',
  whenQuiet: 'whenQuiet',
  attachPdf: 'attachPdf',
  attachCsv: 'attachCsv',
};

/** How long "Send a test now" follows a delivery still on its way (1 s apart). */
const FOLLOW_ATTEMPTS = 30;

/**
 * "Your digests": the role digests this user (or, for owner/admin, everyone) receives, a
 * test sent on demand, preview, pause and delete — and the form that creates one.
 */
@Component({
  selector: 'rl-digests-panel',
  imports: [
    TranslocoPipe,
    FiltersEditorComponent,
    FilterChipsComponent,
    FormStatusComponent,
    WebhookSecretComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './digests-panel.html',
  styleUrls: ['./notify.scss', './notify-chips.scss', './notify-cards.scss', './notify-form.scss'],
})
export class DigestsPanelComponent {
  private readonly api = inject(NotifyApi);
  protected readonly store = inject(NotifyStore);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageStore).language;
  /** Transloco's events (a language or the page's messages loaded): texts built here re-read. */
  private readonly i18nEvents = toSignal(this.transloco.events$, { initialValue: null });
  private readonly t: Translate = (key, params) => this.transloco.translate(key, params);

  protected readonly weekdays = WEEKDAYS;
  protected readonly hours = HOURS;
  protected readonly hourText = hourText;
  /** A date and time in the interface language. */
  protected readonly when = (iso: string | null | undefined): string =>
    when(iso, '—', this.transloco.getActiveLang());
  protected readonly label = (field: string): string => {
    if (field === 'target' && this.form().channel === 'webhook')
      return this.t('subscriptions.fields.url');
    const key = FIELD_KEYS[field];
    if (key) return this.t(`subscriptions.fields.${key}`);
    const filter = /^filters\.(.+)$/.exec(field)?.[1];
    return filter
      ? this.t('subscriptions.fields.filter', {
          name: this.store.filterName(filter as FilterKey, filter),
        })
      : field;
  };

  protected readonly subscriptions = this.api.subscriptionsResource(() => this.store.showAll());

  /** Other users (owner/admin) to create a subscription for. */
  private readonly users = this.api.usersResource(() => this.store.canManageOthers());
  protected readonly userOptions = computed(() => {
    if (!this.store.canManageOthers() || !this.users.hasValue()) return [];
    const me = this.store.user()?.id;
    return (this.users.value() ?? [])
      .filter((u) => !u.disabledAt && u.id !== me)
      .map((u) => ({ id: u.id, label: `${u.name} (${u.email})`, email: u.email, roles: u.roles }))
      .sort((a, b) => a.label.localeCompare(b.label));
  });

  protected readonly form = signal<SubscriptionForm>(newSubscription([]));

  /** The digests the chosen person may receive (their own role's permissions). */
  private readonly chosenUser = computed(() => this.form().userId);
  protected readonly allowedRoles = computed<DigestRole[]>(() => {
    const userId = this.chosenUser();
    if (!userId) return digestRolesFor(this.store.user()?.permissions ?? []);
    const other = this.userOptions().find((u) => u.id === userId);
    return other ? digestRolesFor(permissionsOf({ roles: other.roles })) : [];
  });

  protected readonly sentence = computed(() => {
    this.language(); // re-written when the language changes…
    this.i18nEvents(); // …and once the page's messages have loaded
    const f = this.form();
    // The zone the API reads schedules in (named on every subscription), else the calendar's.
    const listed = this.subscriptions.hasValue()
      ? this.subscriptions.value()[0]?.timeZone
      : undefined;
    return scheduleSentence(
      { frequency: f.frequency, weekday: f.weekday, hour: f.hour },
      listed ?? this.store.timeZone(),
      this.t,
    );
  });

  protected readonly errors = signal<FieldErrors>({});
  protected readonly problems = signal<FieldProblem[]>([]);
  protected readonly stored = signal<string | null>(null);
  protected readonly saving = signal(false);
  /** The webhook just created, with its signing secret (shown once). */
  protected readonly secret = signal<{ target: string; secret: string } | null>(null);

  protected readonly confirming = signal<string | null>(null);
  protected readonly busyId = signal<string | null>(null);
  protected readonly testingId = signal<string | null>(null);
  protected readonly rowError = signal<{ id: string; message: string } | null>(null);
  /** The test deliveries sent from this page, by subscription. */
  protected readonly tests = signal<Readonly<Record<string, Delivery>>>({});

  protected readonly errorAt = (field: string) => errorAt(this.errors(), field);

  constructor() {
    // A fresh form starts with the first digest the user may receive, to their own address.
    effect(() => {
      const roles = this.allowedRoles();
      const email = this.store.user()?.email ?? null;
      untracked(() =>
        this.form.update((f) => {
          const role = f.role && roles.includes(f.role) ? f.role : (roles[0] ?? '');
          const target = f.target || (f.channel === 'email' && !f.userId ? (email ?? '') : '');
          return role === f.role && target === f.target ? f : { ...f, role, target };
        }),
      );
    });
  }

  protected scheduleOf(s: Subscription): string {
    return scheduleSentence(s.schedule, s.timeZone ?? this.store.timeZone(), this.t);
  }

  /** An address kept in its own direction inside a sentence (Unicode first-strong isolate). */
  protected isolate(text: string): string {
    return `\u2068${text}\u2069`;
  }

  protected previewUrl(s: Subscription): string {
    return this.api.previewUrl(s.id);
  }

  protected edit(change: Partial<SubscriptionForm>): void {
    this.form.update((f) => ({ ...f, ...change }));
    this.stored.set(null);
  }

  protected setUser(userId: string): void {
    const other = this.userOptions().find((u) => u.id === userId);
    const email = userId ? (other?.email ?? '') : (this.store.user()?.email ?? '');
    this.edit({ userId, target: this.form().channel === 'email' ? email : this.form().target });
  }

  protected setChannel(channel: NotifyChannel): void {
    const f = this.form();
    const email = f.userId
      ? (this.userOptions().find((u) => u.id === f.userId)?.email ?? '')
      : (this.store.user()?.email ?? '');
    this.edit({
      channel,
      target: channel === 'email' ? email : '',
      attachPdf: channel === 'email' && f.attachPdf,
      attachCsv: channel === 'email' && f.attachCsv,
    });
  }

  protected setFilters(filters: FilterValues): void {
    this.edit({ filters });
  }

  protected async create(event: Event): Promise<void> {
    event.preventDefault();
    const form = this.form();
    const errors = subscriptionErrors(form, this.allowedRoles(), this.t);
    this.show(problemsOfErrors(errors));
    if (hasErrors(errors)) return;
    this.saving.set(true);
    try {
      const created = await this.api.createSubscription(subscriptionBody(form));
      this.subscriptions.reload();
      this.stored.set(
        this.t('subscriptions.digests.created', {
          role: created.role,
          target: created.target,
          schedule: this.scheduleOf(created).replace(/^./, (c) => c.toLocaleLowerCase()),
        }),
      );
      this.secret.set(
        created.channel === 'webhook' && created.secret
          ? { target: created.target, secret: created.secret }
          : null,
      );
      this.form.set({
        ...newSubscription(this.allowedRoles(), this.store.user()?.email ?? null),
        userId: '',
      });
    } catch (error) {
      this.show(notifyProblems(error, this.t('subscriptions.digests.createFailed')));
    } finally {
      this.saving.set(false);
    }
  }

  protected async sendTest(s: Subscription): Promise<void> {
    this.busyId.set(s.id);
    this.testingId.set(s.id);
    this.rowError.set(null);
    try {
      let delivery = await this.api.sendTest(s.id);
      this.tests.update((t) => ({ ...t, [s.id]: delivery }));
      this.store.touchHistory();
      // The API answers once the message is handed over; a delivery still queued is followed.
      for (let i = 0; i < FOLLOW_ATTEMPTS && isUnsettled(delivery.status); i++) {
        await new Promise((r) => setTimeout(r, 1000));
        const latest = (await this.api.deliveriesOf(s.id, 10)).find((d) => d.id === delivery.id);
        if (!latest) break;
        delivery = latest;
        this.tests.update((t) => ({ ...t, [s.id]: delivery }));
      }
      this.store.touchHistory();
      this.subscriptions.reload();
    } catch (error) {
      this.rowError.set({
        id: s.id,
        message: notifyProblems(error, this.t('subscriptions.digests.testFailed'))[0].message,
      });
    } finally {
      this.busyId.set(null);
      this.testingId.set(null);
    }
  }

  protected async togglePause(s: Subscription): Promise<void> {
    this.busyId.set(s.id);
    this.rowError.set(null);
    try {
      await this.api.updateSubscription(s.id, { paused: !s.paused });
      this.subscriptions.reload();
    } catch (error) {
      this.rowError.set({
        id: s.id,
        message: notifyProblems(
          error,
          this.t(
            s.paused ? 'subscriptions.common.couldNotResume' : 'subscriptions.common.couldNotPause',
          ),
        )[0].message,
      });
    } finally {
      this.busyId.set(null);
    }
  }

  protected async remove(s: Subscription): Promise<void> {
    this.busyId.set(s.id);
    this.rowError.set(null);
    try {
      await this.api.deleteSubscription(s.id);
      this.confirming.set(null);
      this.subscriptions.reload();
      this.store.touchHistory();
    } catch (error) {
      this.rowError.set({
        id: s.id,
        message: notifyProblems(error, this.t('subscriptions.common.couldNotDelete'))[0].message,
      });
    } finally {
      this.busyId.set(null);
    }
  }

  private show(problems: FieldProblem[]): void {
    this.problems.set(problems);
    this.errors.set(errorsByField(problems));
    this.stored.set(null);
  }
}
