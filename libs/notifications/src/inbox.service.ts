import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Page, PageQueryDto, paginateByCreation, orNotFound } from '@tandem/core';
import { DataSource, IsNull } from 'typeorm';
import { Notification } from './entities/notification.entity';

/** A user's in-app notifications. Always scoped by the reader's own user id. */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(
    userId: string,
    query: PageQueryDto & { unread?: boolean; type?: string },
  ): Promise<Page<Notification>> {
    const qb = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId });
    if (query.unread) qb.andWhere('n.read_at IS NULL');
    if (query.type) qb.andWhere('n.type = :type', { type: query.type });
    return paginateByCreation(qb, 'n', query, 'DESC');
  }

  async unreadCount(userId: string): Promise<number> {
    return this.dataSource.getRepository(Notification).countBy({ userId, readAt: IsNull() });
  }

  async markRead(userId: string, id: string): Promise<void> {
    const repo = this.dataSource.getRepository(Notification);
    const found = orNotFound(await repo.findOneBy({ id, userId }), 'Notification');
    if (!found.readAt) await repo.update({ id, userId, readAt: IsNull() }, { readAt: new Date() });
  }

  async markAllRead(userId: string): Promise<void> {
    await this.dataSource
      .getRepository(Notification)
      .update({ userId, readAt: IsNull() }, { readAt: new Date() });
  }
}
