import { BadRequestException } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  CHANNELS,
  REASON_CATEGORIES,
  type OwnChannel,
  type OwnReason,
  type ShopTaxonomy,
} from '@returnlens/shared/contracts';
import { answerInvalid, describes } from '@returnlens/api/shared/util';

const CATEGORY_CODES = REASON_CATEGORIES.map((c) => c.code) as [
  (typeof REASON_CATEGORIES)[number]['code'],
  ...(typeof REASON_CATEGORIES)[number]['code'][],
];
const GROUPS = [...CHANNELS, 'other'] as const;
const SOURCES = ['suggested', 'shop', 'undecided'] as const;

const listProblems = <S extends z.ZodType>(schema: S, message: string, code: string) =>
  answerInvalid(
    schema,
    (problems) => new BadRequestException({ statusCode: 400, code, message, errors: problems }),
  );

export const placeReasonBody = listProblems(
  z.strictObject({
    category: z.enum(CATEGORY_CODES, {
      error: `category is one of ${CATEGORY_CODES.join(', ')}`,
    }),
  }),
  'The reason’s category is not valid.',
  'reason_category_invalid',
);

export const placeChannelBody = listProblems(
  z.strictObject({
    group: z.enum(GROUPS, { error: `group is one of ${GROUPS.join(', ')}` }),
  }),
  'The channel’s group is not valid.',
  'channel_group_invalid',
);

export const taxonomyCodeParams = z.object({
  code: z.string().min(1).max(200).describe('The own reason’s code, or the own channel as stored'),
});

const ownReasonSchema = describes<OwnReason>()(
  z.object({
    code: z.string().describe('own:<shop>:<value>'),
    label: z.string(),
    category: z.enum(CATEGORY_CODES),
    source: z.enum(SOURCES),
    suggestedCategory: z
      .enum(CATEGORY_CODES)
      .nullable()
      .describe('The category most of its claims’ texts point to, when it differs'),
    claims: z.number().int(),
  }),
);

const ownChannelSchema = describes<OwnChannel>()(
  z.object({
    code: z.string(),
    label: z.string(),
    group: z.string(),
    source: z.enum(SOURCES),
    claims: z.number().int(),
  }),
);

export const taxonomySchema = describes<ShopTaxonomy>()(
  z.object({
    reasons: z.array(ownReasonSchema),
    channels: z.array(ownChannelSchema),
    categories: z.array(z.object({ code: z.enum(CATEGORY_CODES), label: z.string() })),
    channelGroups: z.array(z.string()),
  }),
);

export class PlaceReasonDto extends createZodDto(placeReasonBody) {}
export class PlaceChannelDto extends createZodDto(placeChannelBody) {}
export class TaxonomyCodeParamsDto extends createZodDto(taxonomyCodeParams) {}
export class TaxonomyDto extends createZodDto(taxonomySchema) {}
export class OwnReasonDto extends createZodDto(ownReasonSchema) {}
export class OwnChannelDto extends createZodDto(ownChannelSchema) {}
