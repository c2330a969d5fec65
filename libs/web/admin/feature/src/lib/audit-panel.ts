import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AdminApi, type AuditEvent } from '@returnlens/web/shared/data-access';
import { actionLabel, KNOWN_ACTIONS, newestFirst, when } from './admin-forms';

export const AUDIT_LIMIT = 50;

/** The latest sign-ins and account, token and settings changes. */
@Component({
  selector: 'rl-audit-panel',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="audit-title" data-testid="audit">
      <div class="panel-head">
        <h2 id="audit-title">{{ 'admin.audit.title' | transloco }}</h2>
        <button type="button" (click)="reload()" [disabled]="events.isLoading()">
          {{ 'admin.common.refresh' | transloco }}
        </button>
      </div>
      <p class="definition">
        {{ 'admin.audit.definition' | transloco: { limit } }}
      </p>
      @if (events.isLoading() && !events.hasValue()) {
        <p class="state" aria-busy="true">{{ 'admin.audit.loading' | transloco }}</p>
      } @else if (events.error()) {
        <div class="state error" role="alert">
          <p>{{ 'admin.audit.loadFailed' | transloco }}</p>
          <button type="button" (click)="reload()">
            {{ 'admin.common.tryAgain' | transloco }}
          </button>
        </div>
      } @else if (!rows().length) {
        <p class="state">{{ 'admin.audit.empty' | transloco }}</p>
      } @else {
        <div class="table-wrap">
          <table data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{{ 'admin.audit.when' | transloco }}</th>
                <th scope="col">{{ 'admin.audit.who' | transloco }}</th>
                <th scope="col">{{ 'admin.audit.what' | transloco }}</th>
                <th scope="col">{{ 'admin.audit.subject' | transloco }}</th>
                <th scope="col">{{ 'admin.audit.address' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (event of rows(); track event.id) {
                <tr>
                  <td class="nowrap">{{ when(event.at, 'admin.common.never' | transloco) }}</td>
                  <td>
                    <bdi>{{ event.actor }}</bdi>
                  </td>
                  <td>
                    @if (knownActions.has(event.action)) {
                      {{ 'admin.audit.actions.' + event.action | transloco }}
                    } @else {
                      {{ actionLabel(event.action) }}
                    }
                    @if (event.detail) {
                      <span class="muted small detail">{{ detailText(event) }}</span>
                    }
                  </td>
                  <td>
                    <bdi>{{ event.target ?? '' }}</bdi>
                  </td>
                  <td class="muted">{{ event.ip ?? '' }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>
  `,
  styleUrl: './admin.scss',
})
export class AuditPanelComponent {
  private readonly transloco = inject(TranslocoService);
  protected readonly limit = AUDIT_LIMIT;
  /** A date and time in the interface language; `never` in words for none. */
  protected readonly when = (iso: string | null, never?: string): string =>
    when(iso, never, this.transloco.getActiveLang());
  protected readonly actionLabel = actionLabel;
  protected readonly knownActions = KNOWN_ACTIONS;
  protected readonly events = inject(AdminApi).auditResource(AUDIT_LIMIT);
  protected readonly rows = computed(() =>
    newestFirst(this.events.hasValue() ? this.events.value() : []),
  );

  protected detailText(event: AuditEvent): string {
    return Object.entries(event.detail ?? {})
      .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
      .join(' · ');
  }

  reload(): void {
    this.events.reload();
  }
}
