import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  signal,
} from '@angular/core';
import type { Delivery, DeliveryStatus } from '@returnlens/shared/contracts';
import { CHANNEL_LABELS, isUnsettled, STATUS_LABELS, TRIGGER_LABELS, when } from './notify-forms';
import { NotifyApi } from './notify.api';
import { NotifyStore } from './notify.store';

type StatusFilter = 'all' | 'sent' | 'failed' | 'skipped' | 'pending';

const FILTERS: readonly { id: StatusFilter; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'sent', label: 'Sent' },
  { id: 'failed', label: 'Failed' },
  { id: 'skipped', label: 'Skipped' },
  { id: 'pending', label: 'Pending' },
];

const inFilter = (status: DeliveryStatus, filter: StatusFilter): boolean =>
  filter === 'all' || status === filter || (filter === 'pending' && status === 'sending');

/** How long the history waits before asking again while a delivery is on its way. */
const FOLLOW_MS = 3000;

/** "Delivery history": every message of a digest, a test or an alert, failures with their error. */
@Component({
  selector: 'rl-deliveries-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="history-title" data-testid="history">
      <div class="panel-head">
        <h2 id="history-title">Delivery history</h2>
        <button type="button" (click)="deliveries.reload()" data-testid="history-reload">
          Refresh
        </button>
      </div>
      <p class="definition">
        The latest {{ limit }} messages{{ store.showAll() ? ' of everyone' : '' }}: scheduled
        digests, tests and alerts. A scheduled message or an alert that cannot be delivered is tried
        three times, minutes apart, before it says failed; a test is tried once.
      </p>
      @if (deliveries.error() && !deliveries.hasValue()) {
        <div class="state error" role="alert">
          <p>The delivery history could not be loaded.</p>
          <button type="button" (click)="deliveries.reload()">Try again</button>
        </div>
      } @else if (deliveries.hasValue()) {
        @if (!all().length) {
          <p class="empty" data-testid="history-empty">
            Nothing sent yet. “Send a test now” beside a digest sends one at once; scheduled digests
            and alerts appear here as they go out.
          </p>
        } @else {
          <div class="status-filters" role="group" aria-label="Show deliveries">
            @for (f of filters; track f.id) {
              <button
                type="button"
                class="filter-chip"
                [attr.data-status]="f.id"
                [attr.aria-pressed]="filter() === f.id"
                (click)="filter.set(f.id)"
                [attr.data-testid]="'history-filter-' + f.id"
              >
                {{ f.label }} <span class="count">{{ counts()[f.id] }}</span>
              </button>
            }
          </div>
          @if (!rows().length) {
            <p class="empty small">None {{ filter() }}.</p>
          } @else {
            <div class="table-wrap">
              <table class="history">
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">What</th>
                    <th scope="col">To</th>
                    <th scope="col">Status</th>
                    <th scope="col" class="num">Attempts</th>
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
                      <td data-label="Time">{{ when(d.sentAt ?? d.createdAt) }}</td>
                      <td data-label="What">
                        {{ triggerLabels[d.trigger] || d.trigger }}
                        @if (d.subject) {
                          <br /><span class="muted" dir="auto">{{ d.subject }}</span>
                        }
                      </td>
                      <td data-label="To">
                        {{ channelLabels[d.channel] }} · <bdi class="break">{{ d.target }}</bdi>
                      </td>
                      <td data-label="Status">
                        <span class="status" [attr.data-status]="d.status">{{
                          statusLabels[d.status]
                        }}</span>
                        @if (d.error) {
                          <span class="delivery-error" dir="auto" data-testid="delivery-error">{{
                            d.error
                          }}</span>
                        }
                      </td>
                      <td data-label="Attempts" class="num">{{ d.attempts }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
        }
      } @else {
        <p class="state" aria-busy="true">Loading the delivery history…</p>
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
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly triggerLabels = TRIGGER_LABELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly when = when;

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
