import { IsCalendarDate, NonBlankText, IsEnumValue } from '@tandem/core';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { PartnerRole } from '../entities';

export class AddPartnerDto {
  @ApiProperty()
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ enum: PartnerRole })
  @IsEnumValue(PartnerRole, 'role')
  role!: PartnerRole;

  @ApiPropertyOptional({ example: '2027-01-15', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  agreementSignedOn?: string | null;

  @ApiPropertyOptional({ example: 'MoU-2027-014', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(120)
  agreementReference?: string | null;

  @ApiPropertyOptional({
    example: '2028-12-31',
    nullable: true,
    description: 'The lead is reminded before it expires',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  agreementExpiresOn?: string | null;
}

export class UpdatePartnerDto extends PartialType(OmitType(AddPartnerDto, ['organizationId'] as const)) {}

export class AddManagerDto {
  @ApiProperty({ description: 'A member of the lead organisation' })
  @IsUUID()
  userId!: string;
}

export class CreateMilestoneDto {
  @NonBlankText(200, 'title', { example: 'First cohort placed' })
  title!: string;

  @ApiProperty({ example: '2027-06-30' })
  @IsCalendarDate()
  dueDate!: string;
}

export class UpdateMilestoneDto extends PartialType(CreateMilestoneDto) {}
