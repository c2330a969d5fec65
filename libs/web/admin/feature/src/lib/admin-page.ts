import { ChangeDetectionStrategy, Component, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { providePageMessages } from '@returnlens/web/shared/data-access';
import { AuditPanelComponent } from './audit-panel';
import { TokensPanelComponent } from './tokens-panel';
import { ADMIN_MESSAGES } from './i18n/en';
import { UsersPanelComponent } from './users-panel';

/** `/admin`: users and their roles, API tokens, and the audit log (permission `admin`). */
@Component({
  selector: 'rl-admin-page',
  imports: [TranslocoPipe, UsersPanelComponent, TokensPanelComponent, AuditPanelComponent],
  providers: [providePageMessages('admin', ADMIN_MESSAGES)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>{{ 'admin.title' | transloco }}</h1>
      <p class="lede">{{ 'admin.lede' | transloco }}</p>
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
