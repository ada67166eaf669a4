import { ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors, validationFailed } from '@tandem/core';

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
