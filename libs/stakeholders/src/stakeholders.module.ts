import { Module } from '@nestjs/common';
import { CivilSocietyKind, CivilSocietyKindModule } from './kinds/civil-society/civil-society.kind';
import { EmployerKind, EmployerKindModule } from './kinds/employer/employer.kind';
import { GovernmentKind, GovernmentKindModule } from './kinds/government/government.kind';
import {
  MigrantAssociationKind,
  MigrantAssociationKindModule,
} from './kinds/migrant-association/migrant-association.kind';
import { ORGANIZATION_KINDS } from './kinds/organization-kind';
import { MembersService } from './members.service';
import { MembershipsRepository } from './memberships.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';

const EXPORTED = [
  OrganizationsRepository,
  MembershipsRepository,
  OrganizationAccessService,
  OrganizationsService,
  MembersService,
];

@Module({
  imports: [GovernmentKindModule, EmployerKindModule, CivilSocietyKindModule, MigrantAssociationKindModule],
  providers: [
    ...EXPORTED,
    {
      provide: ORGANIZATION_KINDS,
      inject: [GovernmentKind, EmployerKind, CivilSocietyKind, MigrantAssociationKind],
      useFactory: (...kinds: unknown[]) => kinds,
    },
  ],
  exports: EXPORTED,
})
export class StakeholdersModule {}
