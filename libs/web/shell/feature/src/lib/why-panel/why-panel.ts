import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MetricDefinition, UiLanguage } from '@returnlens/shared/contracts';
import {
  analyticsResource,
  describeHttpError,
  DrilldownStore,
  LanguageStore,
} from '@returnlens/web/shared/data-access';
import { describeFilters, FilterStore } from '@returnlens/web/shared/filters';
import { DrawerComponent } from '@returnlens/web/shared/ui';

/**
 * "Why this number": the definitions behind a figure, from /api/analytics/definitions in the
 * interface language (asked again when the language changes).
 */
@Component({
  selector: 'rl-why-panel',
  imports: [DrawerComponent, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (request(); as r) {
      <rl-drawer
        id="why-panel"
        [heading]="'why.heading' | transloco: { title: r.title }"
        (closed)="close()"
      >
        <p class="scope" data-testid="why-scope">
          {{ 'why.covers' | transloco: { scope: scope() } }}
        </p>
        @if (error(); as message) {
          <p role="alert">{{ message }}</p>
        } @else if (definitions().length) {
          @for (d of definitions(); track d.id) {
            <article
              class="definition"
              [attr.data-testid]="'definition-' + d.id"
              [attr.lang]="definitionsLanguage()"
            >
              <h3>{{ d.name }}</h3>
              <p>{{ d.definition }}</p>
              <dl>
                <dt>{{ 'why.counts' | transloco }}</dt>
                <dd>{{ d.includes }}</dd>
                <dt>{{ 'why.leavesOut' | transloco }}</dt>
                <dd>{{ d.excludes }}</dd>
                <dt>{{ 'why.clock' | transloco }}</dt>
                <dd>{{ d.clock }}</dd>
              </dl>
            </article>
          }
        } @else {
          <p aria-busy="true">{{ 'why.loading' | transloco }}</p>
        }
      </rl-drawer>
    }
  `,
  styles: `
    .scope {
      color: var(--rl-text-muted);
      font-size: 0.88rem;
      margin: 0 0 12px;
    }
    .definition {
      background: var(--rl-surface);
      border: 1px solid var(--rl-border);
      border-radius: 8px;
      padding: 12px 16px;
      margin-bottom: 12px;
      max-width: 70ch;
    }
    h3 {
      margin: 0 0 6px;
      font-size: 1rem;
    }
    p {
      margin: 0 0 8px;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 12px;
      margin: 0;
      font-size: 0.88rem;
    }
    dt {
      color: var(--rl-text-muted);
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
  `,
})
export class WhyPanelComponent {
  private readonly drill = inject(DrilldownStore);
  private readonly filters = inject(FilterStore);
  private readonly language = inject(LanguageStore);
  protected readonly request = this.drill.explain;

  /** Asked in the interface language by name, so a switch asks again (a new address). */
  private readonly resource = analyticsResource<{
    language: UiLanguage;
    metrics: MetricDefinition[];
  }>('definitions', () => (this.request() ? { lang: this.language.language() } : null));
  protected readonly error = computed(() => {
    const error = this.resource.error();
    return error ? describeHttpError(error) : null;
  });
  /** The language the API wrote the definitions in (it names it). */
  protected readonly definitionsLanguage = computed(() =>
    this.resource.hasValue() ? (this.resource.value()?.language ?? null) : null,
  );
  protected readonly definitions = computed(() => {
    const ids = this.request()?.metrics ?? [];
    const all = this.resource.hasValue() ? (this.resource.value()?.metrics ?? []) : [];
    return ids
      .map((id) => all.find((m) => m.id === id))
      .filter((m): m is MetricDefinition => m !== undefined);
  });
  protected readonly scope = computed(
    () => this.request()?.scope ?? describeFilters(this.filters.state(), this.filters.range()),
  );

  protected close(): void {
    this.drill.close();
  }
}
