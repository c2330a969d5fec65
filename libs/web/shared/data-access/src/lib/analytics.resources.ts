import { httpResource, type HttpResourceRef } from '@angular/common/http';
import type {
  AspectsReport,
  ClaimRecord,
  FeedbackRecord,
  FeedbackReport,
  KpiSet,
  ReturnRateBy,
  ReturnRateReport,
  MatrixDimension,
  MetricDefinition,
  ParetoResult,
  ProductScorecard,
  ReasonMatrix,
  ReasonMismatchReport,
  RecordsPage,
  SlaClock,
  SlaReport,
  SupplierClaimRecord,
  SupplierScorecard,
  TextModelsReport,
} from '@returnlens/shared/contracts';
import { API_BASE } from './weekly-report.resource';
import { languageParam } from './i18n/api-language';

/** Query parameters of an analytics request (filters as comma-separated lists). */
export type QueryParams = Readonly<Record<string, string>>;
/** A reactive source of parameters; `null`/`undefined` means "not yet" (no request). */
export type ParamsSource = () => QueryParams | null | undefined;

/** An analytics endpoint as a resource that re-fetches whenever its parameters change. */
export function analyticsResource<T>(
  path: string,
  params: ParamsSource,
): HttpResourceRef<T | undefined> {
  return httpResource<T>(() => {
    const p = params();
    return p ? { url: `${API_BASE}/analytics/${path}`, params: { ...p } } : undefined;
  });
}

/** The address of an endpoint with these parameters, e.g. for a CSV download link. */
export function analyticsUrl(path: string, params: QueryParams, extra: QueryParams = {}): string {
  const query = new URLSearchParams({ ...params, ...extra }).toString();
  return `${API_BASE}/analytics/${path}${query ? `?${query}` : ''}`;
}

/**
 * The CSV export of an endpoint's first table (or `table`) with the same filters, its column
 * labels in the interface language (`lang`; read inside a `computed`, the link follows a switch).
 */
export function csvUrl(path: string, params: QueryParams, table?: string): string {
  return analyticsUrl(path, params, {
    format: 'csv',
    ...(table ? { table } : {}),
    ...languageParam(),
  });
}

/** The Arrow IPC export of the same table (typed columns: integers, UTC timestamps). */
export function arrowUrl(path: string, params: QueryParams, table?: string): string {
  return analyticsUrl(path, params, table ? { format: 'arrow', table } : { format: 'arrow' });
}

/** The Arrow address beside a CSV address made by `csvUrl`. */
export function arrowOfCsvUrl(csv: string | null): string | null {
  return csv ? csv.replace(/([?&])format=csv(?=&|$)/, '$1format=arrow') : null;
}

export const paretoResource = (params: ParamsSource) =>
  analyticsResource<ParetoResult>('pareto', params);

export const matrixResource = (by: MatrixDimension, params: ParamsSource) =>
  analyticsResource<ReasonMatrix>('matrix', () => {
    const p = params();
    return p ? { ...p, by } : p;
  });

export const suppliersResource = (params: ParamsSource) =>
  analyticsResource<SupplierScorecard>('suppliers', params);

export const productsResource = (params: ParamsSource, limit = 50) =>
  analyticsResource<ProductScorecard>('products', () => {
    const p = params();
    return p ? { ...p, limit: String(limit) } : p;
  });

export const slaResource = (params: ParamsSource, clock: () => SlaClock) =>
  analyticsResource<SlaReport>('sla', () => {
    const p = params();
    return p ? { ...p, clock: clock() } : p;
  });

export const feedbackResource = (params: ParamsSource) =>
  analyticsResource<FeedbackReport>('feedback', params);

export const aspectsResource = (params: ParamsSource) =>
  analyticsResource<AspectsReport>('aspects', params);

export const reasonMismatchesResource = (params: ParamsSource) =>
  analyticsResource<ReasonMismatchReport>('reason-mismatches', params);

/**
 * Which model reads the shop's texts: the shipped analysis, or one learnt from the shop's rated
 * reviews and stated reasons. The same for every period and filter, so it takes no parameters.
 */
export const textModelsResource = () =>
  httpResource<TextModelsReport>(() => `${API_BASE}/text-models`);

export const kpisResource = (params: ParamsSource) => analyticsResource<KpiSet>('kpis', params);

/** Return rate by order cohort per supplier, product or category (mature order weeks). */
export const returnRatesResource = (by: ReturnRateBy, params: ParamsSource) =>
  analyticsResource<ReturnRateReport>('return-rates', () => {
    const p = params();
    return p ? { ...p, by } : p;
  });

export interface PageRequest {
  readonly page: number;
  readonly pageSize: number;
  readonly sort: string;
  readonly order: 'asc' | 'desc';
}

const pageParams = (page: PageRequest): QueryParams => ({
  page: String(page.page),
  pageSize: String(page.pageSize),
  sort: page.sort,
  order: page.order,
});

export const claimRecordsResource = (params: ParamsSource, page: () => PageRequest) =>
  analyticsResource<RecordsPage<ClaimRecord>>('records/claims', () => {
    const p = params();
    return p ? { ...p, ...pageParams(page()) } : p;
  });

/** The claims behind a supplier figure, without how each was handled (a buyer may read these). */
export const supplierClaimRecordsResource = (params: ParamsSource, page: () => PageRequest) =>
  analyticsResource<RecordsPage<SupplierClaimRecord>>('records/supplier-claims', () => {
    const p = params();
    return p ? { ...p, ...pageParams(page()) } : p;
  });

export const feedbackRecordsResource = (params: ParamsSource, page: () => PageRequest) =>
  analyticsResource<RecordsPage<FeedbackRecord>>('records/feedback', () => {
    const p = params();
    return p ? { ...p, ...pageParams(page()) } : p;
  });

export const definitionsResource = () =>
  analyticsResource<{ metrics: MetricDefinition[] }>('definitions', () => ({ ...languageParam() }));

/** The state of a resource as the panels show it. */
export type LoadState = 'loading' | 'error' | 'empty' | 'ready';

export function loadState(
  resource: { hasValue(): boolean; error(): unknown },
  isEmpty: () => boolean,
): LoadState {
  if (resource.error()) return 'error';
  if (!resource.hasValue()) return 'loading';
  return isEmpty() ? 'empty' : 'ready';
}

/** A resource's value, or undefined while loading or after an error (never throws). */
export function valueOf<T>(resource: {
  hasValue(): boolean;
  value(): T | undefined;
}): T | undefined {
  return resource.hasValue() ? resource.value() : undefined;
}
