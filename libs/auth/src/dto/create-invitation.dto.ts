import { MembershipRole } from '@tandem/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsEnum, IsIn, IsOptional, MaxLength } from 'class-validator';

export class CreateInvitationDto {
  @ApiProperty({ example: 'amira@riverton-welcome.example' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: MembershipRole })
  @IsEnum(MembershipRole, { message: 'role must be one of: org_admin, member' })
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
