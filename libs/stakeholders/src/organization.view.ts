import { ApiProperty, OmitType } from '@nestjs/swagger';
import { OrganizationKind } from './entities/organization.entity';

export class OrganizationView {
  id!: string;
  kind!: OrganizationKind;
  name!: string;
  country!: string;
  city!: string;
  contactEmail!: string;
  website!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The profile of its kind (see POST /organizations)',
  })
  profile!: object | null;
  createdAt!: Date;
  updatedAt!: Date;
  version!: number;
}

/** An organisation in a list: no contact address, no version. */
export class OrganizationSummary extends OmitType(OrganizationView, [
  'contactEmail',
  'version',
  'updatedAt',
] as const) {}
