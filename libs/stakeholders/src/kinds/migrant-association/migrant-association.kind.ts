import { Injectable, Module } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Organization, OrganizationKind } from '../../entities/organization.entity';
import { OrganizationKindDefinition } from '../organization-kind';
import { MigrantAssociationProfileDto } from './migrant-association-profile.dto';
import { MigrantAssociationProfile } from './migrant-association-profile.entity';

@Injectable()
export class MigrantAssociationKind implements OrganizationKindDefinition<MigrantAssociationProfileDto> {
  readonly kind = OrganizationKind.MigrantAssociation;
  readonly relation = 'migrantAssociation' as const;
  readonly profileDto = MigrantAssociationProfileDto;

  async save(em: EntityManager, organizationId: string, p: MigrantAssociationProfileDto): Promise<void> {
    await em.upsert(
      MigrantAssociationProfile,
      { organizationId, communities: p.communities, languages: p.languages },
      ['organizationId'],
    );
  }

  view(o: Organization): MigrantAssociationProfileDto | null {
    const p = o.migrantAssociation;
    return p ? { communities: p.communities, languages: p.languages } : null;
  }
}

@Module({ providers: [MigrantAssociationKind], exports: [MigrantAssociationKind] })
export class MigrantAssociationKindModule {}
