import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { isDatabaseUnavailable, safeDatabaseMessage } from '@returnlens/api/shared/util';

/** SQL text kept in one log line at most (the statements are ours; only their length varies). */
const SQL_LIMIT = 2_000;

/** The statement on one line, at most SQL_LIMIT characters: its text only, never its values. */
export function oneLineSql(query: string): string {
  const flat = query.replace(/\s+/g, ' ').trim();
  return flat.length > SQL_LIMIT ? `${flat.slice(0, SQL_LIMIT)}…` : flat;
}

/**
 * TypeORM's logger for the API and the command line (docs/security.md: shop data stays out of
 * the logs). TypeORM's own loggers print a failed query with its parameters, i.e. the shop's
 * filter values and row data; this one prints the SQLSTATE, the message (values in it
 * masked) and the SQL text, never the parameters. A lost connection is not logged per
 * query: the error filter answers 503 and logs it once per request.
 */
export class QueryLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');

  constructor(private readonly options: { readonly migrations?: boolean } = {}) {}

  logQuery(): void {
    // Successful queries are not logged.
  }

  logQueryError(error: string | Error, query: string): void {
    if (isDatabaseUnavailable(error)) return;
    const code = (error as { code?: unknown } | null)?.code;
    this.logger.error(
      `Query failed${typeof code === 'string' ? ` (SQLSTATE ${code})` : ''}: ${safeDatabaseMessage(error)}\n  query: ${oneLineSql(query)}`,
    );
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`Slow query (${time} ms): ${oneLineSql(query)}`);
  }

  logSchemaBuild(): void {
    // synchronize is off: there is no schema build.
  }

  logMigration(message: string): void {
    if (this.options.migrations !== false) this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else if (this.options.migrations !== false) this.logger.log(String(message));
  }
}
