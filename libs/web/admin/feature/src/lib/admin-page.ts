import { ChangeDetectionStrategy, Component, viewChild } from '@angular/core';
import { AuditPanelComponent } from './audit-panel';
import { TokensPanelComponent } from './tokens-panel';
import { UsersPanelComponent } from './users-panel';

/** `/admin`: users and their roles, API tokens, and the audit log (permission `admin`). */
@Component({
  selector: 'rl-admin-page',
  imports: [UsersPanelComponent, TokensPanelComponent, AuditPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>Admin</h1>
      <p class="lede">
        Who can sign in and see what, which machines may send data, and what changed.
      </p>
    </header>
    <rl-users-panel (changed)="audit()?.reload()" />
    <rl-tokens-panel (changed)="audit()?.reload()" />
    <rl-audit-panel />
  `,
  styleUrl: './admin.scss',
})
export class AdminPage {
  protected readonly audit = viewChild(AuditPanelComponent);
}
