export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly database: {
    readonly reachable: boolean;
    readonly mode: 'embedded' | 'external';
    readonly serverVersion: string | null;
    readonly error?: string;
  };
  readonly migrations: {
    readonly applied: readonly string[];
    readonly pending: readonly string[];
    readonly upToDate: boolean;
  };
}
