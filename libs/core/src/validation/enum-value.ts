import { IsEnum, ValidationOptions } from 'class-validator';

/** A value of the enum `values`; otherwise `<field> must be one of: a, b, c`. */
export function IsEnumValue(
  values: object,
  field: string,
  options: ValidationOptions = {},
): PropertyDecorator {
  return IsEnum(values, {
    ...options,
    message: `${field} must be one of: ${Object.values(values).join(', ')}`,
  });
}
