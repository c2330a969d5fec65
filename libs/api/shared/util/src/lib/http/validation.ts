import {
  BadRequestException,
  Injectable,
  type ArgumentMetadata,
  type HttpException,
} from '@nestjs/common';
import { ZodValidationException, ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';

/** One thing wrong with a request: the parameter or body field, and what is wrong with it. */
export interface Problem {
  readonly field: string;
  readonly message: string;
}

/** How a schema answers input it refuses, when not with the usual 400 `{ field, message }`. */
export type InvalidAnswer = (problems: readonly Problem[]) => HttpException;

const ANSWERS = new WeakMap<object, InvalidAnswer>();

/**
 * Gives a request schema its own answer to invalid input (a 404 for an unknown path segment,
 * one sentence for a malformed body, every problem listed); returns the schema.
 */
export function answerInvalid<S extends z.ZodType>(schema: S, answer: InvalidAnswer): S {
  ANSWERS.set(schema, answer);
  return schema;
}

type Issue = z.core.$ZodIssue;

function fieldOf(issue: Issue): string {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') path.push(issue.keys[0]);
  return path.join('.') || '(body)';
}

/**
 * A zod error as problems a client can act on: unknown parameters first (a typo explains
 * the rest), then the others in the schema's order.
 */
export function problemsOf(error: { readonly issues: readonly Issue[] }): Problem[] {
  const unknownFirst = [...error.issues].sort(
    (a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'),
  );
  return unknownFirst.map((issue) => ({ field: fieldOf(issue), message: issue.message }));
}

/**
 * The first C0 or C1 control character or DEL of a text, as `U+001B` (with ` (NUL)` for
 * U+0000); null when it has none. No id, name, code or date has one.
 */
export function controlCharacterIn(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      return `U+${hex}${code === 0 ? ' (NUL)' : ''}`;
    }
  }
  return null;
}

/**
 * Where the first NUL character of a request value is (a string, or a key or string at any
 * depth of an object or list), as the field a problem names; null when it has none.
 */
export function nulField(value: unknown, path: readonly string[] = []): string | null {
  if (typeof value === 'string')
    return value.includes('\u0000') ? path.join('.') || '(request)' : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key].join('.');
    const found = nulField(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

/**
 * The one validation pipe of the API (registered in main.ts): every `@Query()`, `@Param()`
 * and `@Body()` typed with a zod DTO is parsed by its schema — the handler gets the parsed
 * value — and refused with the error contract: 400 `{ statusCode, error, field, message }`
 * naming the first problem, unless the schema gives its own answer (`answerInvalid`).
 * A NUL character anywhere in such a value is refused the same way, whatever the schema
 * says: PostgreSQL stores none (in text or jsonb) and would fail the request with a 500.
 * Parameters without a zod DTO (headers, the raw request) pass unchanged.
 */
@Injectable()
export class RequestValidationPipe extends ZodValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): unknown {
    try {
      const parsed = super.transform(value, metadata);
      const hasSchema = (metadata.metatype as { schema?: object } | undefined)?.schema;
      const nul = hasSchema ? nulField(value) : null;
      if (nul !== null) {
        throw new BadRequestException({
          field: nul,
          message: `${nul} contains a NUL character (\\u0000), which cannot be stored`,
        });
      }
      return parsed;
    } catch (error) {
      if (!(error instanceof ZodValidationException)) throw error;
      const problems = problemsOf(error.getZodError() as z.ZodError);
      const schema = (metadata.metatype as { schema?: object } | undefined)?.schema;
      const answer = schema && ANSWERS.get(schema);
      if (answer) throw answer(problems);
      const [first = { field: '(request)', message: 'The request is not valid.' }] = problems;
      throw new BadRequestException({ field: first.field, message: first.message });
    }
  }
}

/**
 * A count read leniently, as the list routes always read it (never refused): `read` turns
 * the text into a number; 0 or anything unreadable is the default, the rest is clamped to
 * the bounds and made whole.
 */
export function lenientCount(
  read: (raw: string) => number,
  fallback: number,
  min: number,
  max: number,
  description: string,
) {
  return z
    .string()
    .optional()
    .transform((raw) => Math.trunc(Math.min(max, Math.max(min, read(raw ?? '') || fallback))))
    .meta({
      description: `${description}: a whole number from ${min} to ${max} (clamped; default ${fallback})`,
    });
}
