import { Module } from '@nestjs/common';
import { ProgrammeCoverageReader } from './programme-coverage.reader';
import { ProgrammeEvidenceReader } from './programme-evidence.reader';
import { PublicProgrammesReader } from './public-programmes.reader';
import { AuthModule } from '@tandem/auth';
import { NotificationsModule } from '@tandem/notifications';
import { StakeholdersModule } from '@tandem/stakeholders';
import { AgreementReminderSweep } from './agreement-reminder-sweep.handler';
import { AgreementRemindersRepository } from './agreement-reminders.repository';
import { ManagersMilestonesService } from './managers-milestones.service';
import { PartnersRepository } from './partners.repository';
import { PartnersService } from './partners.service';
import { ProgrammeAccessService } from './programme-access.service';
import { ProgrammesRepository } from './programmes.repository';
import { ProgrammesService } from './programmes.service';

const PROVIDERS = [
  ProgrammesRepository,
  ProgrammeCoverageReader,
  ProgrammeEvidenceReader,
  PublicProgrammesReader,
  PartnersRepository,
  ProgrammeAccessService,
  ProgrammesService,
  PartnersService,
  ManagersMilestonesService,
  AgreementRemindersRepository,
  AgreementReminderSweep,
];

@Module({
  imports: [AuthModule, NotificationsModule, StakeholdersModule],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class ProgrammesModule {}
