import { ApiProperty } from '@nestjs/swagger';

export class ManagerView {
  userId!: string;
  name!: string;
  /** Shown to the programme's managers and to org admins of its active partners; null to everyone else. */
  email!: string | null;
  since!: Date | null;
  /** `org_admin` managers are such by being org admins of the lead; `named` ones were named. */
  @ApiProperty({ enum: ['org_admin', 'named'] })
  basis!: 'org_admin' | 'named';
}
