import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { ImportMode } from '../entities';

/** The text fields of the multipart upload; the file is the `file` part. */
export class CreatePlacementImportDto {
  @ApiProperty({ description: 'The employer whose placements the file holds (one of mine)' })
  @IsUUID()
  employerOrganizationId!: string;

  @ApiPropertyOptional({ enum: ImportMode, default: ImportMode.AllOrNothing })
  @IsOptional()
  @IsEnum(ImportMode, { message: 'mode must be all_or_nothing or valid_rows' })
  mode?: ImportMode;
}
