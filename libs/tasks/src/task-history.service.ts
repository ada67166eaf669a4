import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditEvent } from '@tandem/audit';
import { UsersRepository } from '@tandem/auth';
import { Actor, Page, PageQueryDto, paginate } from '@tandem/core';
import { Brackets, DataSource } from 'typeorm';
import { TaskAccessService } from './task-access.service';
import { TaskHistoryEntry } from './task-history.view';

/** Who changed what on a task and when, newest first, from the audit trail (the one source of truth). */
@Injectable()
export class TaskHistoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly taskAccess: TaskAccessService,
    private readonly users: UsersRepository,
  ) {}

  async list(actor: Actor, taskId: string, query: PageQueryDto): Promise<Page<TaskHistoryEntry>> {
    await this.taskAccess.load(actor, taskId);
    const qb = this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('a')
      .where(
        new Brackets((w) =>
          w
            .where(`a.entity_type = 'task' AND a.entity_id = :taskId`, { taskId })
            .orWhere(
              `a.entity_type = 'task_comment' AND a.entity_id IN (SELECT c.id::text FROM task_comments c WHERE c.task_id = CAST(:taskId AS uuid))`,
            ),
        ),
      );
    const page = await paginate(qb, {
      keys: ['a.occurred_at', 'a.id'],
      direction: 'DESC',
      cursorOf: (e) => [e.occurredAt.toISOString(), e.id],
      query,
    });
    const actorIds = page.items.map((e) => e.actorUserId).filter((id): id is string => !!id);
    const names = new Map((await this.users.people(actorIds)).map((u) => [u.id, u.name]));
    return {
      items: page.items.map((e) => ({
        id: e.id,
        occurredAt: e.occurredAt,
        entityType: e.entityType,
        entityId: e.entityId,
        action: e.action,
        actorUserId: e.actorUserId,
        actorName: e.actorUserId ? (names.get(e.actorUserId) ?? null) : null,
        changes: e.changes,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
