import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Argon2id with the OWASP-recommended minimum (19 MiB, 2 passes). */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), ARGON2);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize('NFC'));
  } catch {
    return false; // a malformed stored hash opens nothing
  }
}

/** A hash to verify against when the e-mail is unknown, so timing does not tell. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  return (decoy ??= hashPassword('decoy password that never matches'));
}

/** Why a new password is refused: the error code (translated by the API), its values, English. */
export interface PasswordRefusal {
  readonly code: string;
  readonly params: Readonly<Record<string, number>>;
  readonly message: string;
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordRefusal(password: string, email?: string): PasswordRefusal | null {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH)
    return {
      code: 'password_too_short',
      params: { min: MIN_PASSWORD_LENGTH },
      message: `A password has at least ${MIN_PASSWORD_LENGTH} characters.`,
    };
  if (password.length > 200)
    return {
      code: 'password_too_long',
      params: { max: 200 },
      message: 'A password has at most 200 characters.',
    };
  if (email && password.toLowerCase().includes(email.split('@')[0].toLowerCase()))
    return {
      code: 'password_contains_email',
      params: {},
      message: 'A password must not contain the e-mail name.',
    };
  if (new Set(password).size < 5)
    return {
      code: 'password_too_simple',
      params: {},
      message: 'A password needs more different characters.',
    };
  return null;
}

/** Why a new password is refused (in English), or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  return passwordRefusal(password, email)?.message ?? null;
}

/** A one-time password: 4 groups of 4 from an alphabet without look-alikes (≈ 89 bits). */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY3479';
  const group = () =>
    Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}
