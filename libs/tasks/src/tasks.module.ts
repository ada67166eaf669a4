import { Module } from '@nestjs/common';
import { TaskTemplatesReader } from './task-templates.reader';
import { AuthModule } from '@tandem/auth';
import { NotificationsModule } from '@tandem/notifications';
import { ProgrammesModule } from '@tandem/programmes';
import { StakeholdersModule } from '@tandem/stakeholders';
import { TaskAccessService } from './task-access.service';
import { TaskCommentsRepository } from './task-comments.repository';
import { TaskCommentsService } from './task-comments.service';
import { TaskHistoryService } from './task-history.service';
import { TaskReminderSweep } from './task-reminder-sweep.handler';
import { TaskRemindersRepository } from './task-reminders.repository';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

/** Tasks of programmes: work items, their state machine, dependencies, comments, reminders. */
@Module({
  imports: [AuthModule, NotificationsModule, ProgrammesModule, StakeholdersModule],
  providers: [
    TasksRepository,
    TaskCommentsRepository,
    TaskTemplatesReader,
    TaskAccessService,
    TasksService,
    TaskCommentsService,
    TaskHistoryService,
    TaskRemindersRepository,
    TaskReminderSweep,
  ],
  exports: [TaskTemplatesReader, TasksService, TaskCommentsService, TaskHistoryService, TaskReminderSweep],
})
export class TasksModule {}
