import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  signal,
} from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Delivery, DeliveryStatus } from '@returnlens/shared/contracts';
import { isUnsettled, TRIGGERS, when } from './notify-forms';
import { NotifyApi } from './notify.api';
import { NotifyStore } from './notify.store';

type StatusFilter = 'all' | 'sent' | 'failed' | 'skipped' | 'pending';

/** The status filters; their names are messages (`subscriptions.history.filters.<id>`). */
const FILTERS: readonly { id: StatusFilter }[] = [
  { id: 'all' },
  { id: 'sent' },
  { id: 'failed' },
  { id: 'skipped' },
  { id: 'pending' },
];

const inFilter = (status: DeliveryStatus, filter: StatusFilter): boolean =>
  filter === 'all' || status === filter || (filter === 'pending' && status === 'sending');

/** How long the history waits before asking again while a delivery is on its way. */
const FOLLOW_MS = 3000;

/** "Delivery history": every message of a digest, a test or an alert, failures with their error. */
@Component({
  selector: 'rl-deliveries-panel',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="history-title" data-testid="history">
      <div class="panel-head">
        <h2 id="history-title">{{ 'subscriptions.history.title' | transloco }}</h2>
        <button type="button" (click)="deliveries.reload()" data-testid="history-reload">
          {{ 'subscriptions.common.refresh' | transloco }}
        </button>
      </div>
      <p class="definition">
        {{
          'subscriptions.history.definition'
            | transloco: { limit, all: store.showAll() ? 'yes' : 'no' }
        }}
      </p>
      @if (deliveries.error() && !deliveries.hasValue()) {
        <div class="state error" role="alert">
          <p>{{ 'subscriptions.history.loadFailed' | transloco }}</p>
          <button type="button" (click)="deliveries.reload()">
            {{ 'subscriptions.common.tryAgain' | transloco }}
          </button>
        </div>
      } @else if (deliveries.hasValue()) {
        @if (!all().length) {
          <p class="empty" data-testid="history-empty">
            {{ 'subscriptions.history.empty' | transloco }}
          </p>
        } @else {
          <div
            class="status-filters"
            role="group"
            [attr.aria-label]="'subscriptions.history.show' | transloco"
          >
            @for (f of filters; track f.id) {
              <button
                type="button"
                class="filter-chip"
                [attr.data-status]="f.id"
                [attr.aria-pressed]="filter() === f.id"
                (click)="filter.set(f.id)"
                [attr.data-testid]="'history-filter-' + f.id"
              >
                {{ 'subscriptions.history.filters.' + f.id | transloco }}
                <span class="count">{{ counts()[f.id] }}</span>
              </button>
            }
          </div>
          @if (!rows().length) {
            <p class="empty small">
              {{ 'subscriptions.history.noneOf.' + filter() | transloco }}
            </p>
          } @else {
            <div class="table-wrap">
              <table class="history">
                <thead>
                  <tr>
                    <th scope="col">{{ 'subscriptions.history.time' | transloco }}</th>
                    <th scope="col">{{ 'subscriptions.history.what' | transloco }}</th>
                    <th scope="col">{{ 'subscriptions.common.to' | transloco }}</th>
                    <th scope="col">{{ 'subscriptions.history.status' | transloco }}</th>
                    <th scope="col" class="num">
                      {{ 'subscriptions.history.attempts' | transloco }}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  @for (d of rows(); track d.id) {
                    <tr
                      data-testid="delivery"
                      [attr.data-id]="d.id"
                      [attr.data-status]="d.status"
                      [attr.data-subscription]="d.subscriptionId"
                    >
                      <td [attr.data-label]="'subscriptions.history.time' | transloco">
                        {{ when(d.sentAt ?? d.createdAt, '—', locale()) }}
                      </td>
                      <td [attr.data-label]="'subscriptions.history.what' | transloco">
                        @if (triggers.includes(d.trigger)) {
                          {{ 'subscriptions.triggers.' + d.trigger | transloco }}
                        } @else {
                          {{ d.trigger }}
                        }
                        @if (d.subject) {
                          <br /><span class="muted" dir="auto">{{ d.subject }}</span>
                        }
                      </td>
                      <td [attr.data-label]="'subscriptions.common.to' | transloco">
                        {{ 'subscriptions.common.' + d.channel | transloco }} ·
                        <bdi class="break">{{ d.target }}</bdi>
                      </td>
                      <td [attr.data-label]="'subscriptions.history.status' | transloco">
                        <span class="status" [attr.data-status]="d.status">{{
                          'subscriptions.status.' + d.status | transloco
                        }}</span>
                        @if (d.error) {
                          <span class="delivery-error" dir="auto" data-testid="delivery-error">{{
                            d.error
                          }}</span>
                        }
                      </td>
                      <td
                        [attr.data-label]="'subscriptions.history.attempts' | transloco"
                        class="num"
                      >
                        {{ d.attempts }}
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
        }
      } @else {
        <p class="state" aria-busy="true">{{ 'subscriptions.history.loading' | transloco }}</p>
      }
    </section>
  `,
  styleUrls: ['./notify.scss', './notify-chips.scss', './notify-history.scss'],
})
export class DeliveriesPanelComponent {
  private readonly api = inject(NotifyApi);
  protected readonly store = inject(NotifyStore);

  protected readonly limit = 50;
  protected readonly filters = FILTERS;
  protected readonly triggers = TRIGGERS;
  protected readonly when = when;
  private readonly transloco = inject(TranslocoService);
  /** Dates in the interface language. */
  protected readonly locale = (): string => this.transloco.getActiveLang();

  protected readonly deliveries = this.api.deliveriesResource(() => {
    this.store.historyVersion(); // a test or a change: ask again
    return { all: this.store.showAll(), limit: this.limit };
  });
  protected readonly filter = signal<StatusFilter>('all');

  protected readonly all = computed<Delivery[]>(() =>
    this.deliveries.hasValue() ? (this.deliveries.value() ?? []) : [],
  );
  protected readonly counts = computed(() => {
    const out: Record<StatusFilter, number> = {
      all: 0,
      sent: 0,
      failed: 0,
      skipped: 0,
      pending: 0,
    };
    for (const d of this.all()) for (const f of FILTERS) if (inFilter(d.status, f.id)) out[f.id]++;
    return out;
  });
  protected readonly rows = computed(() =>
    this.all().filter((d) => inFilter(d.status, this.filter())),
  );

  constructor() {
    // While a delivery is on its way (a retry waits with back-off), the history follows it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    effect(() => {
      clearTimeout(timer);
      if (this.all().some((d) => isUnsettled(d.status)))
        timer = setTimeout(() => this.deliveries.reload(), FOLLOW_MS);
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(timer));
  }
}
