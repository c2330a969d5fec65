import { BadRequestException, NotFoundException } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ROLES, TOKEN_SCOPES, UI_LANGUAGES } from '@returnlens/shared/contracts';
import type { ApiTokenRow, AuditEventRow, UserRow } from '@returnlens/api/auth/data-access';
import { answerInvalid, describes, lenientCount, type AsJson } from '@returnlens/api/shared/util';

/** A malformed body is answered with one sentence showing the expected shape. */
const sayInstead = <S extends z.ZodType>(schema: S, message: string) =>
  answerInvalid(schema, () => new BadRequestException({ statusCode: 400, message }));

/** Roles are checked by name after parsing (validRoles), with a message naming the unknown. */
const roles = z
  .array(z.string())
  .min(1)
  .max(4)
  .describe(`Any of ${ROLES.join(', ')}`);

export const newUserBody = sayInstead(
  z.object({
    email: z.string().max(254),
    name: z.string().trim().min(1).max(200).optional(),
    roles,
  }),
  'Send {"email": "…", "name": "…", "roles": ["buyer"]}.',
);

export const userChangeBody = sayInstead(
  z.strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    roles: roles.optional(),
    disabled: z.boolean().optional().describe('true ends every session of the user'),
  }),
  'Send any of {"name": "…", "roles": ["buyer"], "disabled": true}.',
);

export const newTokenBody = sayInstead(
  z.object({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(z.enum(TOKEN_SCOPES)).min(1),
  }),
  `Send {"name": "…", "scopes": [${TOKEN_SCOPES.map((s) => `"${s}"`).join(', ')}]}.`,
);

/** A user or token id in the path; anything but a whole number is no such id (404). */
export const idParams = answerInvalid(
  z.object({
    id: z
      .string()
      .regex(/^\d{1,18}$/)
      .meta({ description: 'User or token id' }),
  }),
  () => new NotFoundException('No such id.'),
);

export class NewUserDto extends createZodDto(newUserBody) {}
export class UserChangeDto extends createZodDto(userChangeBody) {}
export class NewTokenDto extends createZodDto(newTokenBody) {}
export class IdParamsDto extends createZodDto(idParams) {}

/** `GET /api/admin/audit`: other parameters are ignored. */
export class AuditQueryDto extends createZodDto(
  z.object({
    limit: lenientCount((raw) => Number.parseInt(raw, 10), 200, 1, 1000, 'How many events'),
  }),
) {}

export const userSchema = describes<AsJson<UserRow>>()(
  z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(z.enum(ROLES)),
    mustChangePassword: z.boolean(),
    demo: z.boolean(),
    language: z.enum(UI_LANGUAGES).nullable(),
    createdAt: z.string(),
    lastLoginAt: z.string().nullable(),
    disabledAt: z.string().nullable(),
  }),
);

const oneTimePassword = z.string().describe('Shown once; to be replaced at the first sign-in');

export const createdUserSchema = z.object({ user: userSchema, oneTimePassword });

export const tokenSchema = describes<AsJson<ApiTokenRow>>()(
  z.object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.enum(TOKEN_SCOPES)),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  }),
);

export const createdTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  token: z.string().describe('Shown once; only its hash is kept'),
});

export const auditEventSchema = describes<AsJson<AuditEventRow>>()(
  z.object({
    id: z.string(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    target: z.string().nullable(),
    ip: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
  }),
);

export class UserDto extends createZodDto(userSchema) {}
export class UserListDto extends createZodDto(z.array(userSchema)) {}
export class CreatedUserDto extends createZodDto(createdUserSchema) {}
export class OneTimePasswordDto extends createZodDto(z.object({ oneTimePassword })) {}
export class TokenListDto extends createZodDto(z.array(tokenSchema)) {}
export class CreatedTokenDto extends createZodDto(createdTokenSchema) {}
export class AuditLogDto extends createZodDto(z.array(auditEventSchema)) {}
