import { Module } from '@nestjs/common';
import { AuthModule } from '@tandem/auth';
import { NotificationsModule } from '@tandem/notifications';
import { ProgrammesModule } from '@tandem/programmes';

/** Tasks of programmes: work items, their state machine, dependencies, comments, reminders. */
@Module({
  imports: [AuthModule, NotificationsModule, ProgrammesModule],
  providers: [],
  exports: [],
})
export class TasksModule {}
