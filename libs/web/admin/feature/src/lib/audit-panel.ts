import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { AdminApi, type AuditEvent } from '@returnlens/web/shared/data-access';
import { actionLabel, newestFirst, when } from './admin-forms';

export const AUDIT_LIMIT = 50;

/** The latest sign-ins and account, token and settings changes. */
@Component({
  selector: 'rl-audit-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="audit-title" data-testid="audit">
      <div class="panel-head">
        <h2 id="audit-title">Latest audit events</h2>
        <button type="button" (click)="reload()" [disabled]="events.isLoading()">Refresh</button>
      </div>
      <p class="definition">
        The latest {{ limit }} sign-ins, failed sign-ins and changes to users, tokens and settings,
        newest first.
      </p>
      @if (events.isLoading() && !events.hasValue()) {
        <p class="state" aria-busy="true">Loading the audit log…</p>
      } @else if (events.error()) {
        <div class="state error" role="alert">
          <p>The audit log could not be loaded. Check the connection and try again.</p>
          <button type="button" (click)="reload()">Try again</button>
        </div>
      } @else if (!rows().length) {
        <p class="state">Nothing recorded yet: sign-ins and changes appear here.</p>
      } @else {
        <div class="table-wrap">
          <table data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Subject</th>
                <th scope="col">Address</th>
              </tr>
            </thead>
            <tbody>
              @for (event of rows(); track event.id) {
                <tr>
                  <td class="nowrap">{{ when(event.at) }}</td>
                  <td>
                    <bdi>{{ event.actor }}</bdi>
                  </td>
                  <td>
                    {{ actionLabel(event.action) }}
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
  protected readonly limit = AUDIT_LIMIT;
  protected readonly when = when;
  protected readonly actionLabel = actionLabel;
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
