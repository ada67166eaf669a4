import { Injectable, Module } from '@nestjs/common';
import { OrganizationKind } from '../../entities/organization.entity';
import { ProfileKind } from '../profile-kind';
import { MigrantAssociationProfileDto } from './migrant-association-profile.dto';
import { MigrantAssociationProfile } from './migrant-association-profile.entity';

@Injectable()
export class MigrantAssociationKind extends ProfileKind<MigrantAssociationProfileDto> {
  constructor() {
    super(
      OrganizationKind.MigrantAssociation,
      'migrantAssociation',
      MigrantAssociationProfileDto,
      MigrantAssociationProfile,
      ['communities', 'languages'],
    );
  }
}

@Module({ providers: [MigrantAssociationKind], exports: [MigrantAssociationKind] })
export class MigrantAssociationKindModule {}
