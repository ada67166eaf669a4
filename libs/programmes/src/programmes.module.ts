import { Module } from '@nestjs/common';
import { AuthModule } from '@tandem/auth';
import { NotificationsModule } from '@tandem/notifications';
import { ProgrammeAccessService } from './programme-access.service';

@Module({
  imports: [AuthModule, NotificationsModule],
  providers: [ProgrammeAccessService],
  exports: [ProgrammeAccessService],
})
export class ProgrammesModule {}
