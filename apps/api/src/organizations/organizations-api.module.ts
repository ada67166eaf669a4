import { Module } from '@nestjs/common';
import { AuthModule } from '@tandem/auth';
import { StakeholdersModule } from '@tandem/stakeholders';
import { OrganizationsController } from './organizations.controller';

/** HTTP routes of organisations, their members and invitations to them. */
@Module({
  imports: [StakeholdersModule, AuthModule],
  controllers: [OrganizationsController],
})
export class OrganizationsApiModule {}
