import { MembershipRole, IsEnumValue } from '@tandem/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, MaxLength } from 'class-validator';

export class CreateInvitationDto {
  @ApiProperty({ example: 'amira@example.org' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: MembershipRole })
  @IsEnumValue(MembershipRole, 'role')
  role!: MembershipRole;

  @ApiPropertyOptional({
    description: 'Language of the invitation e-mail (ISO 639-1)',
    enum: ['en', 'fr', 'es', 'ar'],
    default: 'en',
  })
  @IsOptional()
  @IsIn(['en', 'fr', 'es', 'ar'])
  language?: string;
}
