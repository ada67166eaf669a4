import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldError } from '@tandem/core';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_TYPE_BASE = 'https://tandem.example/problems/';

class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'profile.level' })
  field!: string;

  @ApiProperty({ example: 'level must be one of: national, regional, municipal, local' })
  message!: string;
}

/** RFC 9457 problem details, as every error response of this API. */
export class ProblemDto {
  @ApiProperty({ example: 'https://tandem.example/problems/validation-failed' })
  type!: string;

  @ApiProperty({ example: 'Validation failed' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'Invalid email, profile.level' })
  detail!: string;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code' })
  code!: string;

  @ApiPropertyOptional({ description: 'The request path' })
  instance?: string;

  @ApiPropertyOptional({ description: 'Request id, also in the X-Request-Id header and the logs' })
  requestId?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}
