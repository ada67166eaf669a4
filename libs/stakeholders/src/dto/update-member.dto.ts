import { MembershipRole } from '@tandem/core';
import { ApiProperty } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';

export class UpdateMemberDto {
  @ApiProperty({ enum: MembershipRole })
  @IsEnum(MembershipRole, { message: 'role must be one of: org_admin, member' })
  role!: MembershipRole;
}
