import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AlertsPanelComponent } from './alerts-panel';
import { DeliveriesPanelComponent } from './deliveries-panel';
import { DigestsPanelComponent } from './digests-panel';
import { NotifyStore } from './notify.store';

/**
 * `/subscriptions` (every signed-in role, for themselves; owner/admin also for others): the
 * role digests received by e-mail or webhook, alert rules, and the history of every delivery.
 */
@Component({
  selector: 'rl-subscriptions-page',
  imports: [DigestsPanelComponent, AlertsPanelComponent, DeliveriesPanelComponent],
  providers: [NotifyStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>Subscriptions</h1>
      <p class="lede">
        The report comes to you: a digest written for your role on the day you choose, alerts when a
        figure crosses its line, and what was sent.
      </p>
      <div class="page-tools">
        <nav class="toc" aria-label="Sections">
          <a href="#digests-title">Digests</a>
          <a href="#alerts-title">Alerts</a>
          <a href="#history-title">Delivery history</a>
        </nav>
        @if (store.canManageOthers()) {
          <label class="switch" data-testid="show-all">
            <input
              type="checkbox"
              [checked]="store.all()"
              (change)="store.all.set($any($event.target).checked)"
            />
            Everyone’s subscriptions
          </label>
        }
      </div>
    </header>
    <rl-digests-panel />
    <rl-alerts-panel />
    <rl-deliveries-panel />
  `,
  styleUrls: ['./notify.scss', './notify-page.scss'],
})
export class SubscriptionsPage {
  protected readonly store = inject(NotifyStore);
}
