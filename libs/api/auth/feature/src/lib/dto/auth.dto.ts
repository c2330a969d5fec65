import { BadRequestException } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { PERMISSIONS, ROLES, type CurrentUser, type DemoLogin } from '@returnlens/shared/contracts';
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
