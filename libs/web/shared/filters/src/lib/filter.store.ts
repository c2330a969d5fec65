import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable, InjectionToken, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, type Params } from '@angular/router';
import type { AnalyticsPeriod, FilterKey } from '@returnlens/shared/contracts';
import { filter, map } from 'rxjs';
import {
  apiParams,
  filterQueryParams,
  needsAnchor,
  parseFilterState,
  resolvedRange,
  valueParams,
  withOnly,
  withoutValue,
  withValue,
  type FilterState,
  type PeriodPresetId,
} from './filter-state';

/**
 * Where the latest complete week with data comes from: any analytics answer's
 * `period.to.week` for the default period. The app points it at an endpoint the signed-in
 * user may read (null: none, quick picks then wait); the default is the KPIs.
 */
export const ANCHOR_SOURCE = new InjectionToken<() => string | null>('ANCHOR_SOURCE', {
  providedIn: 'root',
  factory: () => () => '/api/analytics/kpis',
});

/**
 * The global filters. Their only state is the URL: every change is a navigation, so links
 * can be shared and back/forward step through filter changes.
 */
@Injectable({ providedIn: 'root' })
export class FilterStore {
  private readonly router = inject(Router);

  private readonly queryParams = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.currentParams()),
    ),
    { initialValue: this.currentParams() },
  );

  readonly state = computed(() => parseFilterState(this.queryParams()), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });

  /** The latest complete week with data (the API's default period ends there). */
  private readonly anchorWanted = signal(false);
  private readonly anchorSource = inject(ANCHOR_SOURCE);
  private readonly anchor = httpResource<{ period: AnalyticsPeriod }>(() => {
    if (!this.anchorWanted() && !needsAnchor(this.state())) return undefined;
    const url = this.anchorSource();
    return url ? { url } : undefined;
  });
  readonly anchorWeek = computed(() =>
    this.anchor.hasValue() ? (this.anchor.value()?.period.to.week ?? null) : null,
  );

  /** Parameters for analytics requests; null while a quick pick waits for the anchor week. */
  readonly params = computed(() => apiParams(this.state(), this.anchorWeek()), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  /** The filter values without the period (for the Weekly report, which picks a week). */
  readonly valueParams = computed(() => valueParams(this.state()), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  readonly range = computed(() => resolvedRange(this.state(), this.anchorWeek()));

  /** Asks for the anchor week even for the default period (to show the weeks it covers). */
  wantAnchor(): void {
    this.anchorWanted.set(true);
  }

  add(key: FilterKey, value: string): void {
    this.apply(withValue(this.state(), key, value));
  }

  remove(key: FilterKey, value: string): void {
    this.apply(withoutValue(this.state(), key, value));
  }

  /** Narrows `key` to exactly these values — what a click on a chart does. */
  only(key: FilterKey, values: readonly string[]): void {
    this.apply(withOnly(this.state(), key, values));
  }

  /** Several dimensions at once (a heatmap cell is a reason and a supplier). */
  onlyMany(entries: Partial<Record<FilterKey, readonly string[]>>): void {
    let state = this.state();
    for (const [key, values] of Object.entries(entries) as [FilterKey, readonly string[]][])
      state = withOnly(state, key, values);
    this.apply(state);
  }

  setPeriod(period: PeriodPresetId): void {
    this.apply({ ...this.state(), period, from: null, to: null });
  }

  setRange(from: string | null, to: string | null): void {
    this.apply({ ...this.state(), period: 'custom', from, to });
  }

  clearValues(): void {
    this.apply({ ...this.state(), values: {} });
  }

  private apply(state: FilterState): void {
    void this.router.navigate([], {
      queryParams: filterQueryParams(state),
      queryParamsHandling: 'merge',
    });
  }

  private currentParams(): Params {
    return this.router.parseUrl(this.router.url).queryParams;
  }
}
