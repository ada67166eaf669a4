import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import * as argon2 from 'argon2';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** zxcvbn scores 0–4; 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
export const PASSWORD_MIN_SCORE = 3;

// Built once: the common-password, name and Wikipedia dictionaries of the maintained estimator.
let estimator: ZxcvbnFactory | undefined;
const strength = (): ZxcvbnFactory =>
  (estimator ??= new ZxcvbnFactory({
    translations: zxcvbnEn.translations,
    graphs: zxcvbnCommon.adjacencyGraphs,
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
  }));

/**
 * Reasons a password is refused, empty when it is acceptable: length (NIST 800-63B style, no
 * composition recipes), never the e-mail or a part of it, and a zxcvbn score of at least 3 with the
 * e-mail as user input (so "amira.haddad2026" for amira.haddad@… scores as weak as it is).
 * Every path that sets a password calls this (invitation accept, the first admin at boot).
 */
export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH)
    problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH)
    problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  if (problems.length) return problems;
  const lower = password.toLowerCase();
  const address = email?.trim().toLowerCase();
  const local = address?.split('@')[0];
  if (address && (lower === address || lower.includes(address)))
    problems.push('must not be or contain your e-mail');
  else if (local && local.length >= 3 && lower.includes(local))
    problems.push('must not contain your e-mail name');
  const userInputs = address ? [address, local!, ...local!.split(/[._+-]/).filter((x) => x.length >= 3)] : [];
  const result = strength().check(password, userInputs);
  if (result.score < PASSWORD_MIN_SCORE) {
    const hint = result.feedback.warning ? ` (${result.feedback.warning.replace(/\.$/, '')})` : '';
    problems.push(`is too easy to guess${hint}; use a longer passphrase of unrelated words`);
  }
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
