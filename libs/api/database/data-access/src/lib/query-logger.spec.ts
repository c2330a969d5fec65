import { Logger } from '@nestjs/common';
import { QueryFailedError, type Logger as TypeOrmLogger } from 'typeorm';
import { oneLineSql, QueryLogger } from './query-logger';

/** An error as pg builds it: a message, a SQLSTATE code and, for some, a detail with row data. */
function pgError(message: string, code: string, detail?: string): Error {
  return Object.assign(new Error(message), { code, ...(detail ? { detail } : {}) });
}

/** As TypeORM calls it: with the parameters of the query. */
const typeorm = (options?: { migrations?: boolean }): TypeOrmLogger => new QueryLogger(options);

describe('QueryLogger', () => {
  const printed: string[] = [];
  beforeEach(() => {
    printed.length = 0;
    for (const level of ['error', 'warn', 'log'] as const)
      jest
        .spyOn(Logger.prototype, level)
        .mockImplementation((...args: unknown[]) => void printed.push(String(args[0])));
  });
  afterEach(() => jest.restoreAllMocks());

  it('logs a failed query with its SQLSTATE, message and SQL text, never its parameters', () => {
    const sql = `SELECT c.external_id, c.secret_column
                   FROM claims c WHERE p.supplier_id = ANY($1::text[]) AND c.note = $2`;
    const error = pgError('column c.secret_column does not exist', '42703');
    typeorm().logQueryError(error, sql, [['SUPPLIER-SECRET-4711'], 'note-secret']);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain(
      'Query failed (SQLSTATE 42703): column c.secret_column does not exist',
    );
    expect(printed[0]).toContain(
      'query: SELECT c.external_id, c.secret_column FROM claims c WHERE p.supplier_id = ANY($1::text[]) AND c.note = $2',
    );
    expect(printed.join('\n')).not.toMatch(/SUPPLIER-SECRET-4711|note-secret|PARAMETERS/);
  });

  it("masks the value PostgreSQL quotes in a data exception's message, and never prints its detail", () => {
    const error = pgError('invalid input syntax for type uuid: "ORDER-SECRET-99"', '22P02');
    typeorm().logQueryError(error, 'SELECT * FROM claims WHERE batch_id = $1', ['ORDER-SECRET-99']);
    const unique = pgError(
      'duplicate key value violates unique constraint "claims_pkey"',
      '23505',
      'Key (external_id)=(CLAIM-SECRET-7) already exists.',
    );
    typeorm().logQueryError(unique, 'INSERT INTO claims VALUES ($1)', ['CLAIM-SECRET-7']);
    const text = printed.join('\n');
    expect(text).toContain('invalid input syntax for type uuid: "…"');
    expect(text).toContain('duplicate key value violates unique constraint "claims_pkey"');
    expect(text).not.toMatch(/ORDER-SECRET-99|CLAIM-SECRET-7/);
  });

  it('does not log a lost connection per query (the error filter answers 503 and logs it)', () => {
    typeorm().logQueryError(
      pgError('terminating connection due to unexpected postmaster exit', '57P01'),
      'SELECT 1',
      [],
    );
    typeorm().logQueryError(new Error('Connection terminated unexpectedly'), 'SELECT 1', []);
    expect(printed).toEqual([]);
  });

  it('never logs successful queries; migrations unless asked not to', () => {
    typeorm().logQuery('SELECT $1', ['secret']);
    typeorm().logMigration('Migration Accounts1764300000000 has been executed successfully.');
    typeorm({ migrations: false }).logMigration('quiet');
    typeorm({ migrations: false }).log('warn', 'Postgres pool raised an error.');
    expect(printed).toEqual([
      'Migration Accounts1764300000000 has been executed successfully.',
      'Postgres pool raised an error.',
    ]);
  });

  it('is what the data source logs with: a QueryFailedError keeps its parameters out of the log', () => {
    const failed = new QueryFailedError(
      'SELECT 1 WHERE $1 = $2',
      ['VALUE-SECRET-1', 'VALUE-SECRET-2'],
      pgError('operator does not exist: text = integer', '42883'),
    );
    typeorm().logQueryError(failed.driverError, failed.query, failed.parameters);
    expect(printed.join('\n')).not.toContain('VALUE-SECRET');
  });
});

describe('oneLineSql', () => {
  it('flattens the SQL and bounds its length', () => {
    expect(oneLineSql('SELECT 1\n   FROM  x')).toBe('SELECT 1 FROM x');
    expect(oneLineSql(`SELECT ${'a, '.repeat(2_000)}1`)).toHaveLength(2_001);
  });
});
