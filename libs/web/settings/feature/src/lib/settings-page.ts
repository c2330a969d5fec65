import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { providePageMessages } from '@returnlens/web/shared/data-access';
import { CalendarPanelComponent } from './calendar-panel';
import { SETTINGS_MESSAGES } from './i18n/en';
import { PoliciesPanelComponent } from './policies-panel';
import { PresetsPanelComponent } from './presets-panel';
import { ReportingPanelComponent } from './reporting-panel';
import { TaxonomyPanelComponent } from './taxonomy-panel';

/**
 * `/settings` (permission `settings`: owner, admin): reporting, business calendar, SLA
 * policies, the shop's own reasons and channels, mapping presets. Each section is checked
 * here and by the API (every problem listed beside its Save), and every change is recorded
 * in the audit log the Admin page shows.
 */
@Component({
  selector: 'rl-settings-page',
  imports: [
    TranslocoPipe,
    ReportingPanelComponent,
    CalendarPanelComponent,
    PoliciesPanelComponent,
    TaxonomyPanelComponent,
    PresetsPanelComponent,
  ],
  providers: [providePageMessages('settings', SETTINGS_MESSAGES)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>{{ 'settings.title' | transloco }}</h1>
      <p class="lede">{{ 'settings.lede' | transloco }}</p>
      <nav class="toc" [attr.aria-label]="'settings.sections' | transloco">
        <a href="#reporting-title">{{ 'settings.toc.reporting' | transloco }}</a>
        <a href="#calendar-title">{{ 'settings.toc.calendar' | transloco }}</a>
        <a href="#policies-title">{{ 'settings.toc.policies' | transloco }}</a>
        <a href="#taxonomy-title">{{ 'settings.toc.taxonomy' | transloco }}</a>
        <a href="#presets-title">{{ 'settings.toc.presets' | transloco }}</a>
      </nav>
    </header>
    <rl-reporting-panel />
    <rl-calendar-panel />
    <rl-policies-panel />
    <rl-taxonomy-panel />
    <rl-presets-panel />
  `,
  styleUrls: ['./settings.scss', './settings-forms.scss'],
})
export class SettingsPage {}
