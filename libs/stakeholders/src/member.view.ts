import { ApiProperty } from '@nestjs/swagger';
import { MembershipRole } from '@tandem/core';

export class MemberView {
  userId!: string;
  name!: string;
  email!: string;
  @ApiProperty({ enum: MembershipRole })
  role!: MembershipRole;
  joinedAt!: Date;
}
