import { Param, ParseUUIDPipe, ValidationPipe } from '@nestjs/common';
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

/** A path parameter that must be a UUID: `@UuidParam('id') id: string` (400 naming it otherwise). */
export const UuidParam = (name: string): ParameterDecorator => Param(name, uuidParam(name));
