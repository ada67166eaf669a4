import * as argon2 from 'argon2';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** The most used passwords of at least 12 characters: refused outright. */
const COMMON = new Set([
  'password1234',
  'password12345',
  'password123456',
  '123456789012',
  'qwertyuiopas',
  'qwerty123456',
  '1q2w3e4r5t6y',
  'iloveyou1234',
  'administrator',
  'welcome12345',
  'changeme1234',
  'letmein12345',
  'passwordpassword',
  'aaaaaaaaaaaa',
  '111111111111',
  '000000000000',
  'abcdefghijkl',
  'abc123456789',
]);

/** Reasons a password is refused, empty when it is acceptable (NIST 800-63B style: length, not recipes). */
export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH)
    problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH)
    problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  if (COMMON.has(password.toLowerCase())) problems.push('is too common');
  if (/^(.)\1+$/.test(password)) problems.push('must not repeat one character');
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local))
    problems.push('must not contain your e-mail name');
  return problems;
}

/** class-validator rule for new passwords; reads the sibling `email` field when there is one. */
export function IsAcceptablePassword(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const email = (args.object as { email?: string }).email;
          return typeof value === 'string' && passwordProblems(value, email).length === 0;
        },
        defaultMessage(args: ValidationArguments) {
          if (typeof args.value !== 'string') return 'password must be a string';
          const email = (args.object as { email?: string }).email;
          return `password ${passwordProblems(args.value, email).join(', ')}`;
        },
      },
    });
}

export const hashPassword = (password: string): Promise<string> =>
  argon2.hash(password, { type: argon2.argon2id });

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
