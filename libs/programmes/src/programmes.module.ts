import { Module } from '@nestjs/common';
import { AuthModule } from '@tandem/auth';
import { NotificationsModule } from '@tandem/notifications';
import { AgreementReminderHandlers } from './agreement-reminder.handlers';
import { ManagersMilestonesService } from './managers-milestones.service';
import { PartnersService } from './partners.service';
import { ProgrammeAccessService } from './programme-access.service';
import { ProgrammesService } from './programmes.service';

@Module({
  imports: [AuthModule, NotificationsModule],
  providers: [
    ProgrammeAccessService,
    ProgrammesService,
    PartnersService,
    ManagersMilestonesService,
    AgreementReminderHandlers,
  ],
  exports: [
    ProgrammeAccessService,
    ProgrammesService,
    PartnersService,
    ManagersMilestonesService,
    AgreementReminderHandlers,
  ],
})
export class ProgrammesModule {}
