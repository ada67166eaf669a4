import { ParseUUIDPipe, ValidationPipe } from '@nestjs/common';
import { CoreError, flattenValidationErrors, validationFailed } from '@tandem/core';

/** Unknown fields are rejected; every bad field is named in the problem's `errors`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}

/** A path id that is not a UUID is a 400 naming the parameter, not a database error. */
export const uuidParam = (name: string): ParseUUIDPipe =>
  new ParseUUIDPipe({
    version: undefined,
    exceptionFactory: () => CoreError.invalid(name, 'must be a UUID'),
  });
