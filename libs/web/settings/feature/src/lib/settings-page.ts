import { ChangeDetectionStrategy, Component } from '@angular/core';
import { CalendarPanelComponent } from './calendar-panel';
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
    ReportingPanelComponent,
    CalendarPanelComponent,
    PoliciesPanelComponent,
    TaxonomyPanelComponent,
    PresetsPanelComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>Settings</h1>
      <p class="lede">
        The rules the figures are computed by. Every change is recorded in the audit log, with who
        made it and what it was before.
      </p>
      <nav class="toc" aria-label="Sections">
        <a href="#reporting-title">Reporting</a>
        <a href="#calendar-title">Business calendar</a>
        <a href="#policies-title">SLA policies</a>
        <a href="#taxonomy-title">Your reasons and channels</a>
        <a href="#presets-title">Mapping presets</a>
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
