import { Injectable, Module } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Organization, OrganizationKind } from '../../entities/organization.entity';
import { OrganizationKindDefinition } from '../organization-kind';
import { CivilSocietyProfileDto } from './civil-society-profile.dto';
import { CivilSocietyProfile } from './civil-society-profile.entity';

@Injectable()
export class CivilSocietyKind implements OrganizationKindDefinition<CivilSocietyProfileDto> {
  readonly kind = OrganizationKind.CivilSociety;
  readonly relation = 'civilSociety' as const;
  readonly profileDto = CivilSocietyProfileDto;

  async save(em: EntityManager, organizationId: string, p: CivilSocietyProfileDto): Promise<void> {
    await em.upsert(CivilSocietyProfile, { organizationId, services: p.services }, ['organizationId']);
  }

  view(o: Organization): CivilSocietyProfileDto | null {
    return o.civilSociety ? { services: o.civilSociety.services } : null;
  }
}

@Module({ providers: [CivilSocietyKind], exports: [CivilSocietyKind] })
export class CivilSocietyKindModule {}
