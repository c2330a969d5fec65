import { BadRequestException } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  PERMISSIONS,
  ROLES,
  UI_LANGUAGES,
  type CurrentUser,
  type DemoLogin,
  type LanguageAnswer,
} from '@returnlens/shared/contracts';
import { answerInvalid, describes } from '@returnlens/api/shared/util';

/** A malformed body is answered with one sentence showing the expected shape. */
const sayInstead = <S extends z.ZodType>(schema: S, message: string) =>
  answerInvalid(schema, () => new BadRequestException(message));

export const loginBody = sayInstead(
  z.object({
    email: z.string().max(254),
    password: z.string().max(200),
  }),
  'Send {"email": "…", "password": "…"} to sign in.',
);

export const passwordBody = sayInstead(
  z.object({
    current: z.string().max(200).describe('The current (or one-time) password'),
    next: z.string().max(200).describe('The new password'),
  }),
  'Send {"current": "…", "next": "…"}.',
);

export class LoginDto extends createZodDto(loginBody) {}
export class PasswordChangeDto extends createZodDto(passwordBody) {}

export const currentUserSchema = describes<CurrentUser>()(
  z.object({
    id: z.string(),
    email: z.string().describe('Empty for an API token'),
    name: z.string(),
    roles: z.array(z.enum(ROLES)),
    permissions: z.array(z.enum(PERMISSIONS)),
    mustChangePassword: z.boolean(),
    demo: z.boolean(),
    language: z.enum(UI_LANGUAGES).nullable().describe('The interface language chosen'),
  }),
);

export const languageBody = sayInstead(
  z.object({
    language: z
      .enum(UI_LANGUAGES)
      .nullable()
      .describe('One of the interface languages, or null to follow the browser'),
  }),
  `Send {"language": "<${UI_LANGUAGES.join('|')}>"} or {"language": null}.`,
);

export const shopLanguageBody = sayInstead(
  z.object({ language: z.enum(UI_LANGUAGES).describe("The shop's default interface language") }),
  `Send {"language": "<${UI_LANGUAGES.join('|')}>"}.`,
);

export const languageAnswerSchema = describes<LanguageAnswer>()(
  z.object({
    language: z.enum(UI_LANGUAGES),
    source: z.enum(['user', 'browser', 'shop']),
    shopDefault: z.enum(UI_LANGUAGES),
    languages: z.array(z.enum(UI_LANGUAGES)),
  }),
);

export const demoLoginsSchema = describes<DemoLogin[]>()(
  z.array(
    z.object({
      email: z.string(),
      password: z.string(),
      name: z.string(),
      roles: z.array(z.enum(ROLES)),
    }),
  ),
);

export class CurrentUserDto extends createZodDto(currentUserSchema) {}
export class DemoLoginsDto extends createZodDto(demoLoginsSchema) {}
export class LanguageAnswerDto extends createZodDto(languageAnswerSchema) {}
export class LanguageDto extends createZodDto(languageBody) {}
export class ShopLanguageDto extends createZodDto(shopLanguageBody) {}
