import { Injectable, Module } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Organization, OrganizationKind } from '../../entities/organization.entity';
import { OrganizationKindDefinition } from '../organization-kind';
import { GovernmentProfileDto } from './government-profile.dto';
import { GovernmentProfile } from './government-profile.entity';

@Injectable()
export class GovernmentKind implements OrganizationKindDefinition<GovernmentProfileDto> {
  readonly kind = OrganizationKind.Government;
  readonly relation = 'government' as const;
  readonly profileDto = GovernmentProfileDto;

  async save(em: EntityManager, organizationId: string, p: GovernmentProfileDto): Promise<void> {
    await em.upsert(GovernmentProfile, { organizationId, level: p.level, jurisdiction: p.jurisdiction }, [
      'organizationId',
    ]);
  }

  view(o: Organization): GovernmentProfileDto | null {
    return o.government ? { level: o.government.level, jurisdiction: o.government.jurisdiction } : null;
  }
}

@Module({ providers: [GovernmentKind], exports: [GovernmentKind] })
export class GovernmentKindModule {}
