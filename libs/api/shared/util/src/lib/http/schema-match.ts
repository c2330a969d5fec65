import type { z } from 'zod';

/** A type as plain data: no `readonly`, arrays as arrays, at every depth. */
type Plain<T> = T extends Date
  ? T
  : T extends readonly (infer U)[]
    ? Plain<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: Plain<T[K]> }
      : T;

/** Identical types (not merely assignable: an optional field one side lacks counts). */
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** What the compiler shows when a schema and its interface drift apart. */
interface SchemaMismatch<Schema, Interface> {
  readonly 'the schema does not describe the interface': { schema: Schema; interface: Interface };
}

/**
 * Checks at compile time that a zod schema describes exactly the interface `I` (its parsed
 * type and `I` are the same type, `readonly` aside) and returns the schema:
 * `export const kpiSetSchema = describes<KpiSet>()(z.object({ … }))`.
 */
export function describes<I>() {
  return <S extends z.ZodType>(
    schema: S &
      (Same<Plain<z.output<S>>, Plain<I>> extends true
        ? unknown
        : SchemaMismatch<Plain<z.output<S>>, Plain<I>>),
  ): S => schema;
}

/** A type as its JSON text reads back: dates become ISO 8601 strings, at every depth. */
export type AsJson<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? AsJson<U>[]
    : T extends object
      ? { [K in keyof T]: AsJson<T[K]> }
      : T;
