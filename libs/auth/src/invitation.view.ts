import { ApiProperty } from '@nestjs/swagger';

export class InvitationView {
  id!: string;
  organizationId!: string;
  email!: string;
  role!: string;
  language!: string;
  @ApiProperty({ enum: ['pending', 'accepted', 'revoked', 'expired'] })
  status!: 'pending' | 'accepted' | 'revoked' | 'expired';
  expiresAt!: Date;
  createdAt!: Date;
}
