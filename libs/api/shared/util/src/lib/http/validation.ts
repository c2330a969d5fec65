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
 * The one validation pipe of the API (registered in main.ts): every `@Query()`, `@Param()`
 * and `@Body()` typed with a zod DTO is parsed by its schema — the handler gets the parsed
 * value — and refused with the error contract: 400 `{ statusCode, error, field, message }`
 * naming the first problem, unless the schema gives its own answer (`answerInvalid`).
 * Parameters without a zod DTO (headers, the raw request) pass unchanged.
 */
@Injectable()
export class RequestValidationPipe extends ZodValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): unknown {
    try {
      return super.transform(value, metadata);
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
