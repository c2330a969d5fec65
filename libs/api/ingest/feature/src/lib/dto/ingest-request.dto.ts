import { BadRequestException, NotFoundException } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { DATE_FORMATS, INGEST_KINDS, UI_LANGUAGES } from '@returnlens/shared/contracts';
import { answerInvalid, controlCharacterIn, lenientCount } from '@returnlens/api/shared/util';

/** The kind in the path; another word is a 404, as for any unknown address. */
export const kindParams = answerInvalid(
  z.object({
    kind: z
      .enum(INGEST_KINDS, {
        error: (issue) =>
          `Unknown kind "${String(issue.input)}"; use one of ${INGEST_KINDS.join(', ')}.`,
      })
      .meta({ description: 'What the file holds' }),
  }),
  (problems) =>
    new NotFoundException({
      statusCode: 404,
      code: 'unknown_kind',
      params: {
        kind: /"(.*)"/.exec(problems[0].message)?.[1] ?? '',
        kinds: INGEST_KINDS.join(', '),
      },
      message: problems[0].message,
    }),
);

export class KindParamsDto extends createZodDto(kindParams) {}

/** An upload's query. Unknown parameters are refused (`property x should not exist`). */
export const ingestQuery = z.strictObject(
  {
    preset: z
      .string({ error: 'preset must be a string' })
      .refine(
        (preset) => controlCharacterIn(preset) === null,
        'preset must not contain control characters such as NUL: a preset name has letters, digits, spaces, dots, dashes or underscores',
      )
      .optional()
      .meta({ description: 'Name of a saved mapping preset (used when X-Mapping is absent)' }),
    dryRun: z
      .enum(['true', 'false'], { error: 'dryRun must be true or false' })
      .optional()
      .meta({ description: 'true: validate and preview the first rows without storing (200)' }),
    encoding: z
      .string({ error: 'encoding must be a name such as utf-8 or windows-1251' })
      .regex(/^[A-Za-z0-9_-]{2,30}$/, 'encoding must be a name such as utf-8 or windows-1251')
      .optional()
      .meta({
        description:
          'Declared text encoding of a CSV, e.g. windows-1251 (default: the Content-Type charset, else detected)',
      }),
    delimiter: z
      .enum([',', ';', '|', 'tab'], { error: 'delimiter must be one of , ; | tab' })
      .optional()
      .meta({ description: 'CSV delimiter (default: detected from the header line)' }),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `property ${issue.keys[0]} should not exist` : undefined,
  },
);

export class IngestQueryDto extends createZodDto(ingestQuery) {}

const BATCH_ID_MESSAGE = 'Validation failed (numeric string is expected)';
/** Batch ids count up from 1 (a bigint column, carried as a JS number: exact up to 2^53 − 1). */
const BATCH_ID_RANGE = `The batch id must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER}.`;

/**
 * A batch id in the path: a whole number (as Nest's ParseIntPipe took it) that a batch can
 * have — 0, a negative number or one beyond 2^53 − 1 is refused before it reaches SQL
 * (PostgreSQL would refuse one beyond bigint with an error).
 */
export const batchIdParams = answerInvalid(
  z.object({
    id: z
      .string()
      .regex(/^-?\d+$/, BATCH_ID_MESSAGE)
      .transform((id, ctx) => {
        const n = Number(id);
        if (!Number.isFinite(n)) {
          ctx.addIssue({ code: 'custom', message: BATCH_ID_MESSAGE, input: id });
          return z.NEVER;
        }
        if (n < 1 || !Number.isSafeInteger(n)) {
          ctx.addIssue({ code: 'custom', message: BATCH_ID_RANGE, input: id });
          return z.NEVER;
        }
        return n;
      })
      .meta({ description: 'Batch id' }),
  }),
  (problems) => new BadRequestException(problems[0].message),
);

export class BatchIdParamsDto extends createZodDto(batchIdParams) {}

/** `GET /api/batches`: other parameters are ignored. */
export class BatchesQueryDto extends createZodDto(
  z.object({
    limit: lenientCount(
      (raw) => Number.parseInt(raw, 10),
      50,
      1,
      500,
      'How many batches, newest first',
    ),
  }),
) {}

/** `GET /api/batches/:id/rejected`: other parameters are ignored. */
export class RejectedQueryDto extends createZodDto(
  z.object({
    format: z
      .string()
      .optional()
      .meta({ description: '`csv`: every rejected row as a CSV download; otherwise JSON pages' }),
    lang: z
      .union([z.enum(UI_LANGUAGES), z.literal('')], {
        error: `lang is one of ${UI_LANGUAGES.join(', ')}`,
      })
      .optional()
      .meta({ description: 'For csv: column labels in this interface language (default: names)' }),
    offset: lenientCount(Number, 0, 0, Number.MAX_SAFE_INTEGER, 'Rows to skip'),
    limit: lenientCount(Number, 100, 1, 1000, 'Rows per page'),
  }),
) {}

const PRESET_NAME_MESSAGE =
  'A preset name has 1–100 letters, digits, spaces, dots, dashes or underscores.';

export const presetNameParams = answerInvalid(
  z.object({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$/, PRESET_NAME_MESSAGE)
      .meta({ description: 'Preset name' }),
  }),
  (problems) => new BadRequestException(problems[0].message),
);

export class PresetNameParamsDto extends createZodDto(presetNameParams) {}

const MAPPING_MESSAGE = 'mapping must be an object with "columns"';

/** A mapping as sent: `columns` required; keys beyond IngestMapping's are kept as sent. */
export const mappingInput = z
  .looseObject(
    {
      columns: z
        .record(z.string(), z.string(), { error: MAPPING_MESSAGE })
        .describe('field → source column'),
      values: z
        .record(z.string(), z.record(z.string(), z.string()), {
          error: 'values maps a field to {"source value": "our value"}',
        })
        .optional(),
      defaults: z
        .record(z.string(), z.string(), { error: 'defaults maps a field to a value' })
        .optional(),
      dateFormat: z
        .enum(DATE_FORMATS, { error: `dateFormat is one of ${DATE_FORMATS.join(', ')}` })
        .optional(),
      timeZone: z.string({ error: 'timeZone is an IANA time zone' }).optional(),
      decimalSeparator: z
        .enum(['.', ',', 'auto'], { error: 'decimalSeparator is ".", "," or "auto"' })
        .optional(),
      ratingScale: z
        .strictObject(
          { min: z.number().finite(), max: z.number().finite() },
          { error: 'ratingScale is {"min": number, "max": number}, e.g. {"min": 0, "max": 10}' },
        )
        .refine((scale) => scale.max > scale.min, {
          error: 'ratingScale.max must be greater than ratingScale.min',
        })
        .optional(),
    },
    { error: MAPPING_MESSAGE },
  )
  .describe('How the file’s columns map onto the kind’s fields');

/** `PUT /api/mapping-presets/:name`. */
export const mappingPresetBody = z.strictObject(
  {
    kind: z.enum(INGEST_KINDS, { error: `kind must be one of ${INGEST_KINDS.join(', ')}` }),
    mapping: mappingInput,
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `property ${issue.keys[0]} should not exist`
        : issue.code === 'invalid_type'
          ? 'Send {"kind": "claims", "mapping": {"columns": {…}}}.'
          : undefined,
  },
);

export class MappingPresetDto extends createZodDto(mappingPresetBody) {}
