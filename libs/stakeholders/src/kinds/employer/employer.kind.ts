import { Injectable, Module } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Organization, OrganizationKind } from '../../entities/organization.entity';
import { OrganizationKindDefinition } from '../organization-kind';
import { EmployerProfileDto } from './employer-profile.dto';
import { EmployerProfile } from './employer-profile.entity';

@Injectable()
export class EmployerKind implements OrganizationKindDefinition<EmployerProfileDto> {
  readonly kind = OrganizationKind.Employer;
  readonly relation = 'employer' as const;
  readonly profileDto = EmployerProfileDto;

  async save(em: EntityManager, organizationId: string, p: EmployerProfileDto): Promise<void> {
    await em.upsert(EmployerProfile, { organizationId, sector: p.sector, sizeBand: p.sizeBand }, [
      'organizationId',
    ]);
  }

  view(o: Organization): EmployerProfileDto | null {
    return o.employer ? { sector: o.employer.sector, sizeBand: o.employer.sizeBand } : null;
  }
}

@Module({ providers: [EmployerKind], exports: [EmployerKind] })
export class EmployerKindModule {}
