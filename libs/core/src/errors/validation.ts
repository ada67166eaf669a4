import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { CoreError, CoreErrorCode, FieldError } from './domain-error';

/** class-validator's tree of errors as a flat list of `{field: 'profile.level', message}`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const [rule, message] of Object.entries(e.constraints ?? {})) {
      out.push({
        field,
        message: rule === 'whitelistValidation' ? `${field} is not an allowed field` : message,
      });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

export function validationFailed(errors: FieldError[]): CoreError {
  const fields = [...new Set(errors.map((e) => e.field))].join(', ');
  return new CoreError(CoreErrorCode.ValidationFailed, `Invalid ${fields}`, errors);
}

/** Validates a nested object the global pipe cannot (its class depends on another field). */
export async function validateNested<T extends object>(
  cls: new () => T,
  plain: unknown,
  prefix: string,
): Promise<T> {
  const instance = plainToInstance(cls, plain);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw validationFailed(flattenValidationErrors(errors, prefix));
  return instance;
}
