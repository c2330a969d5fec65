import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { UiLanguage } from '@returnlens/shared/contracts';
import {
  classifyError,
  DATABASE_BUSY_MESSAGE,
  DATABASE_UNAVAILABLE_MESSAGE,
  formatBytes,
  INTERNAL_ERROR_MESSAGE,
  RETRY_AFTER_SECONDS,
} from './error-classification';
import { loggableError } from './database-message';
import { errorMessage, type ErrorParam } from '../i18n/error-messages';

const logger = new Logger('Errors');

/** The JSON body of every error answer: Nest's shape, plus an id for logged server errors. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string | string[];
  /** A stable name of the error; its message is written in the request's language. */
  readonly code?: string;
  /** The values the code's message puts in. */
  readonly params?: Readonly<Record<string, unknown>>;
  readonly errorId?: string;
  readonly [extra: string]: unknown;
}

export interface ErrorAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: ErrorBody;
}

/** The standard reason phrase, as Nest writes it in `error` ("Bad Request", "Service Unavailable"). */
function reason(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/**
 * An answer's message in `language`: an error with a `code` the catalog knows is written in
 * it (its `params` put in); English requests keep the thrower's own English words, and an
 * error without a code keeps its message in any language.
 */
export function localizeErrorBody(body: ErrorBody, language: UiLanguage): ErrorBody {
  if (language === 'en' || typeof body.code !== 'string') return body;
  const params = (body.params ?? {}) as Readonly<Record<string, ErrorParam>>;
  const message = errorMessage(language, body.code, params);
  return message === null ? body : { ...body, message };
}

/**
 * Turns any thrown value into the answer the client sees, its message in `language` where the
 * error has a code (see `localizeErrorBody`). Only HttpExceptions and the known classes carry
 * their own text; anything else is logged in full under an id and answered with a generic
 * message — never a stack trace or SQL text.
 */
export function errorAnswer(
  error: unknown,
  request?: Pick<Request, 'method' | 'originalUrl'>,
  language: UiLanguage = 'en',
): ErrorAnswer {
  const answer = englishErrorAnswer(error, request);
  return { ...answer, body: localizeErrorBody(answer.body, language) };
}

function englishErrorAnswer(
  error: unknown,
  request?: Pick<Request, 'method' | 'originalUrl'>,
): ErrorAnswer {
  // The path only: the query string carries filter values (shop data stays out of the log).
  const where = request ? `${request.method} ${request.originalUrl.split('?')[0]}` : 'request';
  const classified = classifyError(error);
  switch (classified.kind) {
    case 'http': {
      const status = classified.exception.getStatus();
      const given = classified.exception.getResponse();
      const body: ErrorBody =
        typeof given === 'object' && given !== null
          ? {
              statusCode: status,
              error: reason(status),
              message: classified.exception.message,
              ...given,
            }
          : { statusCode: status, error: reason(status), message: String(given) };
      if (status >= 500) logger.error(`${where}: ${classified.exception.message}`);
      return { status, headers: {}, body };
    }
    case 'database-unavailable':
    case 'database-busy': {
      const message =
        classified.kind === 'database-unavailable'
          ? DATABASE_UNAVAILABLE_MESSAGE
          : DATABASE_BUSY_MESSAGE;
      logger.warn(`${where}: 503 (${firstLine(error)})`);
      return {
        status: 503,
        headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
        body: {
          statusCode: 503,
          error: reason(503),
          code: classified.kind.replace('-', '_'),
          message,
        },
      };
    }
    case 'payload-too-large': {
      const limit =
        classified.limitBytes === null ? 'the limit' : formatBytes(classified.limitBytes);
      return {
        status: 413,
        headers: {},
        body: {
          statusCode: 413,
          error: reason(413),
          code: 'body_too_large',
          params: { limit },
          message: `The request body is larger than ${limit}. Files go to POST /api/ingest/:kind, which takes any size.`,
        },
      };
    }
    case 'bad-body':
      return {
        status: classified.status,
        headers: {},
        body: {
          statusCode: classified.status,
          error: reason(classified.status),
          code: classified.code,
          message: classified.message,
        },
      };
    case 'internal': {
      const errorId = randomUUID();
      logger.error(`${where}: error ${errorId}: ${loggableError(error)}` + sqlOf(error));
      return {
        status: 500,
        headers: {},
        body: {
          statusCode: 500,
          error: reason(500),
          code: 'internal_error',
          message: INTERNAL_ERROR_MESSAGE,
          errorId,
        },
      };
    }
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 200);
}

/** TypeORM's QueryFailedError carries the SQL: into the log, never into the answer. */
function sqlOf(error: unknown): string {
  const query = (error as { query?: unknown } | null)?.query;
  return typeof query === 'string' ? `\n  query: ${query.slice(0, 2000)}` : '';
}

/** Writes the answer, unless the response already started (then the socket is cut). */
export function sendErrorAnswer(response: Response, answer: ErrorAnswer): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.status(answer.status);
  for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
  response.json(answer.body);
}
