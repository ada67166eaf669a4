import { Injectable, Module } from '@nestjs/common';
import { OrganizationKind } from '../../entities/organization.entity';
import { ProfileKind } from '../profile-kind';
import { CivilSocietyProfileDto } from './civil-society-profile.dto';
import { CivilSocietyProfile } from './civil-society-profile.entity';

@Injectable()
export class CivilSocietyKind extends ProfileKind<CivilSocietyProfileDto> {
  constructor() {
    super(OrganizationKind.CivilSociety, 'civilSociety', CivilSocietyProfileDto, CivilSocietyProfile, [
      'services',
    ]);
  }
}

@Module({ providers: [CivilSocietyKind], exports: [CivilSocietyKind] })
export class CivilSocietyKindModule {}
