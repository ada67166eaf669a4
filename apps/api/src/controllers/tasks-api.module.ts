import { Module } from '@nestjs/common';
import { TasksModule } from '@tandem/tasks';

/** HTTP routes of the tasks domain. */
@Module({ imports: [TasksModule], controllers: [] })
export class TasksApiModule {}
