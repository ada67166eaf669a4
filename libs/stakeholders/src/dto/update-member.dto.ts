import { MembershipRole, IsEnumValue } from '@tandem/core';
import { ApiProperty } from '@nestjs/swagger';

export class UpdateMemberDto {
  @ApiProperty({ enum: MembershipRole })
  @IsEnumValue(MembershipRole, 'role')
  role!: MembershipRole;
}
