import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Page, PageQueryDto, paginate } from '@tandem/core';
import { DataSource } from 'typeorm';
import { PlacementStatus, RetentionCheck, RetentionCheckStatus } from './entities';

/**
 * The employers' due-check-in list: check-ins of active placements whose date has come and that are
 * not answered, whether the sweep has opened them yet or not (a back-dated placement has several at
 * once). Scoped to the employers given, which the caller has checked are the asker's; oldest first.
 */
@Injectable()
export class DueCheckInsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  listDue(employerIds: string[], today: string, page: PageQueryDto): Promise<Page<RetentionCheck>> {
    const qb = this.dataSource
      .getRepository(RetentionCheck)
      .createQueryBuilder('rc')
      .innerJoinAndSelect('rc.placement', 'pl')
      .innerJoinAndSelect('pl.participant', 'pa')
      .where('pl.employer_organization_id = ANY(CAST(:employers AS uuid[]))', { employers: employerIds })
      .andWhere('pl.status = :active', { active: PlacementStatus.Active })
      .andWhere('rc.status IN (:...open)', {
        open: [RetentionCheckStatus.Scheduled, RetentionCheckStatus.Due],
      })
      .andWhere('rc.due_on <= CAST(:today AS date)', { today });
    return paginate(qb, {
      keys: ['rc.due_on', 'rc.id'],
      direction: 'ASC',
      cursorOf: (c) => [c.dueOn, c.id],
      query: page,
    });
  }
}
