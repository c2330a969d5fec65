import { BadRequestException, ConflictException, HttpException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { classifyError, formatBytes, isDatabaseUnavailable } from './error-classification';
import { errorAnswer } from './error-response';

/** An error as pg builds it: a message and, for server errors, a SQLSTATE code. */
function pgError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}

describe('classifyError', () => {
  it('keeps HttpExceptions as they are', () => {
    const exception = new ConflictException('in progress');
    expect(classifyError(exception)).toEqual({ kind: 'http', exception });
  });

  it.each([
    [
      'refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:55601'), { code: 'ECONNREFUSED' }),
    ],
    ['reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['connection closed under a query', pgError('Connection terminated unexpectedly')],
    ['connect timeout', pgError('Connection terminated due to connection timeout')],
    ['pool acquire timeout', pgError('timeout exceeded when trying to connect')],
    ['dead client', pgError('Client has encountered a connection error and is not queryable')],
    [
      '57P01 admin_shutdown',
      pgError('terminating connection due to administrator command', '57P01'),
    ],
    [
      '57P02 crash_shutdown',
      pgError('terminating connection because of crash of another server process', '57P02'),
    ],
    ['57P03 cannot_connect_now', pgError('the database system is starting up', '57P03')],
    ['08006 connection_failure', pgError('connection failure', '08006')],
    ['53300 too_many_connections', pgError('sorry, too many clients already', '53300')],
    [
      'Node 20 AggregateError of both address families',
      Object.assign(
        new AggregateError(
          [Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })],
          '',
        ),
        {},
      ),
    ],
    [
      'an error whose cause is a lost connection',
      new Error('wrapped', { cause: pgError('Connection terminated unexpectedly') }),
    ],
  ])('%s → database unavailable', (_name, error) => {
    expect(classifyError(error)).toEqual({ kind: 'database-unavailable' });
  });

  it('sees a lost connection inside TypeORM QueryFailedError', () => {
    const wrapped = new QueryFailedError(
      'SELECT 1',
      [],
      pgError('Connection terminated unexpectedly'),
    );
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    const shutdown = new QueryFailedError(
      'SELECT 1',
      [],
      pgError('terminating connection', '57P01'),
    );
    expect(classifyError(shutdown)).toEqual({ kind: 'database-unavailable' });
  });

  it('treats a statement timeout (57014) as a busy database', () => {
    const cancelled = new QueryFailedError(
      'SELECT pg_sleep(10)',
      [],
      pgError('canceling statement due to statement timeout', '57014'),
    );
    expect(classifyError(cancelled)).toEqual({ kind: 'database-busy' });
  });

  it.each([
    [
      'a SQL error',
      new QueryFailedError('SELECT nope', [], pgError('column "nope" does not exist', '42703')),
    ],
    ['a unique violation', pgError('duplicate key value violates unique constraint', '23505')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['a thrown string', 'boom'],
    ['null', null],
  ])('%s → internal', (_name, error) => {
    expect(classifyError(error)).toEqual({ kind: 'internal' });
  });

  it("recognises body-parser's too-large and bad JSON errors", () => {
    const large = Object.assign(new Error('request entity too large'), {
      type: 'entity.too.large',
      status: 413,
      expose: true,
      limit: 1048576,
    });
    expect(classifyError(large)).toEqual({ kind: 'payload-too-large', limitBytes: 1048576 });
    const bad = Object.assign(new SyntaxError('Unexpected token } in JSON'), {
      type: 'entity.parse.failed',
      status: 400,
      expose: true,
    });
    expect(classifyError(bad)).toEqual({
      kind: 'bad-body',
      status: 400,
      code: 'body_not_json',
      message: 'The request body is not valid JSON.',
    });
  });
});

describe('errorAnswer', () => {
  const request = { method: 'GET', originalUrl: '/api/analytics/kpis' };

  it('keeps the status and the message of an HttpException', () => {
    const answer = errorAnswer(new BadRequestException('from is not a date'), request);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ statusCode: 400, message: 'from is not a date' });
    const custom = errorAnswer(
      new HttpException({ statusCode: 409, message: 'busy', batch: 7 }, 409),
      request,
    );
    expect(custom.body).toMatchObject({ statusCode: 409, message: 'busy', batch: 7 });
  });

  it('answers a lost database with 503, the plain message and Retry-After', () => {
    const answer = errorAnswer(pgError('Connection terminated unexpectedly'), request);
    expect(answer).toEqual({
      status: 503,
      headers: { 'Retry-After': '5' },
      body: {
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'database_unavailable',
        message: 'The database is not reachable right now; try again in a moment.',
      },
    });
  });

  it('answers anything else with 500, a generic message and an error id, never SQL or a stack', () => {
    const error = new QueryFailedError(
      'SELECT secret_column FROM claims',
      [],
      pgError('column "secret_column" does not exist', '42703'),
    );
    const answer = errorAnswer(error, request);
    expect(answer.status).toBe(500);
    expect(answer.body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    const text = JSON.stringify(answer.body);
    expect(text).not.toMatch(/secret_column|SELECT|at .*\.ts|QueryFailedError/);
  });

  it('names the limit in a 413', () => {
    const answer = errorAnswer(
      Object.assign(new Error('request entity too large'), {
        type: 'entity.too.large',
        status: 413,
        limit: 1048576,
      }),
      request,
    );
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ error: 'Payload Too Large' });
    expect(answer.body.message).toContain('1 MB');
    const bad = errorAnswer(
      Object.assign(new SyntaxError('Unexpected end of JSON input'), {
        type: 'entity.parse.failed',
        status: 400,
        expose: true,
      }),
      request,
    );
    expect(bad).toMatchObject({
      status: 400,
      body: { error: 'Bad Request', message: 'The request body is not valid JSON.' },
    });
  });
});

describe('formatBytes', () => {
  it('prints round sizes in their unit', () => {
    expect(formatBytes(1048576)).toBe('1 MB');
    expect(formatBytes(512 * 1024)).toBe('512 kB');
    expect(formatBytes(1000)).toBe('1000 bytes');
  });
});
