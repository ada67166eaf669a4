import { Injectable, Module } from '@nestjs/common';
import { OrganizationKind } from '../../entities/organization.entity';
import { ProfileKind } from '../profile-kind';
import { EmployerProfileDto } from './employer-profile.dto';
import { EmployerProfile } from './employer-profile.entity';

@Injectable()
export class EmployerKind extends ProfileKind<EmployerProfileDto> {
  constructor() {
    super(OrganizationKind.Employer, 'employer', EmployerProfileDto, EmployerProfile, ['sector', 'sizeBand']);
  }
}

@Module({ providers: [EmployerKind], exports: [EmployerKind] })
export class EmployerKindModule {}
