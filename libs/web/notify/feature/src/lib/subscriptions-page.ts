import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { providePageMessages } from '@returnlens/web/shared/data-access';
import { AlertsPanelComponent } from './alerts-panel';
import { DeliveriesPanelComponent } from './deliveries-panel';
import { DigestsPanelComponent } from './digests-panel';
import { SUBSCRIPTIONS_MESSAGES } from './i18n/en';
import { NotifyStore } from './notify.store';

/**
 * `/subscriptions` (every signed-in role, for themselves; owner/admin also for others): the
 * role digests received by e-mail or webhook, alert rules, and the history of every delivery.
 */
@Component({
  selector: 'rl-subscriptions-page',
  imports: [TranslocoPipe, DigestsPanelComponent, AlertsPanelComponent, DeliveriesPanelComponent],
  providers: [NotifyStore, providePageMessages('subscriptions', SUBSCRIPTIONS_MESSAGES)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>{{ 'subscriptions.title' | transloco }}</h1>
      <p class="lede">{{ 'subscriptions.lede' | transloco }}</p>
      <div class="page-tools">
        <nav class="toc" [attr.aria-label]="'subscriptions.sections' | transloco">
          <a href="#digests-title">{{ 'subscriptions.toc.digests' | transloco }}</a>
          <a href="#alerts-title">{{ 'subscriptions.toc.alerts' | transloco }}</a>
          <a href="#history-title">{{ 'subscriptions.toc.history' | transloco }}</a>
        </nav>
        @if (store.canManageOthers()) {
          <label class="switch" data-testid="show-all">
            <input
              type="checkbox"
              [checked]="store.all()"
              (change)="store.all.set($any($event.target).checked)"
            />
            {{ 'subscriptions.everyone' | transloco }}
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
