import { Module } from '@nestjs/common';
import { TasksModule } from '@tandem/tasks';
import { ProgrammeTasksController } from './tasks-programme.controller';
import { MyTasksController } from './tasks-mine.controller';
import { TasksController } from './tasks.controller';

/** HTTP routes of the tasks domain. */
@Module({
  imports: [TasksModule],
  controllers: [ProgrammeTasksController, TasksController, MyTasksController],
})
export class TasksApiModule {}
