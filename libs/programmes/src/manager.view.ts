import { ApiProperty } from '@nestjs/swagger';

export class ManagerView {
  userId!: string;
  name!: string;
  email!: string;
  since!: Date | null;
  /** `org_admin` managers are such by being org admins of the lead; `named` ones were named. */
  @ApiProperty({ enum: ['org_admin', 'named'] })
  basis!: 'org_admin' | 'named';
}
