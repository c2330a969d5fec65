import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { BusinessCalendarSettings, FilterKey } from '@returnlens/shared/contracts';
import {
  AuthStore,
  DomainLabels,
  suppliersResource,
  type DomainKind,
} from '@returnlens/web/shared/data-access';
import { vocabularyLabel } from '@returnlens/web/shared/filters';

/** The filters whose values the product's vocabulary names (`domain.<kind>.<code>`). */
const DOMAIN_KINDS: Partial<Record<FilterKey, DomainKind>> = {
  channel: 'channel',
  type: 'type',
  reasonCategory: 'category',
  reason: 'reason',
};

/**
 * What the Subscriptions page's sections share (provided by the page): whose subscriptions
 * are shown, the history's version (bumped after a test or a change), the shop's time zone
 * and the supplier names filter chips are labelled with.
 */
@Injectable()
export class NotifyStore {
  private readonly auth = inject(AuthStore);
  private readonly domain = inject(DomainLabels);

  readonly user = this.auth.user;
  /** Owner/admin (permission `admin`): may see and create everyone's subscriptions. */
  readonly canManageOthers = computed(
    () => this.auth.user()?.permissions.includes('admin') ?? false,
  );
  /** "Everyone's subscriptions" switched on. */
  readonly all = signal(false);
  readonly showAll = computed(() => this.all() && this.canManageOthers());

  /** Bumped whenever a delivery may have been added (a test, a new rule): the history reloads. */
  readonly historyVersion = signal(0);
  touchHistory(): void {
    this.historyVersion.update((v) => v + 1);
  }

  can = (permission: Parameters<AuthStore['can']>[0]): boolean => this.auth.can(permission);

  /** The shop's time zone (the business calendar), for roles that may read it. */
  private readonly calendar = httpResource<BusinessCalendarSettings>(() =>
    this.auth.can('sla') || this.auth.can('settings') ? '/api/settings/calendar' : undefined,
  );
  readonly timeZone = computed(() =>
    this.calendar.hasValue() ? (this.calendar.value()?.timeZone ?? null) : null,
  );

  /** Supplier names, loaded the first time a supplier filter is shown or picked. */
  private readonly wantSuppliers = signal(false);
  private readonly suppliers = suppliersResource(() =>
    this.wantSuppliers() && this.auth.can('suppliers') ? {} : null,
  );
  readonly supplierOptions = computed(() =>
    (this.suppliers.hasValue() ? (this.suppliers.value()?.suppliers ?? []) : [])
      .map((s) => ({ value: s.supplierId, label: s.name }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  );
  readonly suppliersLoading = computed(() => this.suppliers.isLoading());
  private readonly supplierNames = computed(
    () => new Map(this.supplierOptions().map((o) => [o.value, o.label])),
  );

  loadSuppliers(): void {
    if (!this.wantSuppliers()) this.wantSuppliers.set(true);
  }

  /**
   * A filter value as people read it (supplier names once loaded, the product's vocabulary in
   * the interface language, else its English label or the value itself).
   */
  label(key: FilterKey, value: string): string {
    if (key === 'supplier') return this.supplierNames().get(value) ?? value;
    const fallback = vocabularyLabel(key, value) ?? value;
    if (key === 'language' && value !== 'und') return this.domain.languageName(value, fallback);
    const kind = DOMAIN_KINDS[key];
    return kind ? this.domain.label(kind, value, fallback) : fallback;
  }

  /** A filter's name in the interface language ("Reason category"). */
  filterName(key: FilterKey, fallback: string): string {
    return this.domain.label('filter', key, fallback);
  }
}
