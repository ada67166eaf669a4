import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class BreakGlassDto {
  @ApiProperty({
    description: 'Why this record must be read (kept in the audit trail)',
    example: 'Data-subject access request #2026-114 forwarded by the registering organisation',
    minLength: 10,
    maxLength: 500,
  })
  @IsString()
  @MinLength(10, { message: 'reason must be at least 10 characters' })
  @MaxLength(500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}
