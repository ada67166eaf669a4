import { Injectable, Module } from '@nestjs/common';
import { OrganizationKind } from '../../entities/organization.entity';
import { ProfileKind } from '../profile-kind';
import { GovernmentProfileDto } from './government-profile.dto';
import { GovernmentProfile } from './government-profile.entity';

@Injectable()
export class GovernmentKind extends ProfileKind<GovernmentProfileDto> {
  constructor() {
    super(OrganizationKind.Government, 'government', GovernmentProfileDto, GovernmentProfile, [
      'level',
      'jurisdiction',
      'territoryCode',
      'policyAreas',
    ]);
  }
}

@Module({ providers: [GovernmentKind], exports: [GovernmentKind] })
export class GovernmentKindModule {}
