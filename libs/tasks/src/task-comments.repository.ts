import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Page, PageQueryDto, paginate } from '@tandem/core';
import { DataSource } from 'typeorm';
import { TaskComment } from './entities';

@Injectable()
export class TaskCommentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The comments of a task with their authors, oldest first, as a conversation reads. */
  pageOfTask(taskId: string, query: PageQueryDto): Promise<Page<TaskComment>> {
    const qb = this.dataSource
      .getRepository(TaskComment)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.author', 'u')
      .where('c.task_id = :taskId', { taskId });
    return paginate(qb, {
      keys: ['c.created_at', 'c.id'],
      direction: 'ASC',
      cursorOf: (c) => [c.createdAt.toISOString(), c.id],
      query,
    });
  }
}
