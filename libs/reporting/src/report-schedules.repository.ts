import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Page, PageQueryDto, paginateByCreation } from '@tandem/core';
import { DataSource, DeepPartial, EntityManager } from 'typeorm';
import { ReportSchedule } from './entities';

/** Queries over report schedules: a person reads and changes only the schedules they own. */
@Injectable()
export class ReportSchedulesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(em: EntityManager, values: DeepPartial<ReportSchedule>): Promise<ReportSchedule> {
    return em.save(ReportSchedule, em.create(ReportSchedule, values));
  }

  save(em: EntityManager, s: ReportSchedule): Promise<ReportSchedule> {
    return em.save(ReportSchedule, s);
  }

  async delete(em: EntityManager, id: string): Promise<void> {
    await em.delete(ReportSchedule, { id });
  }

  /** Unscoped, for the worker (the schedule fires as its owner). */
  findById(id: string): Promise<ReportSchedule | null> {
    return this.dataSource.getRepository(ReportSchedule).findOneBy({ id });
  }

  /** The schedule if `ownerUserId` owns it, else null; `lock` takes FOR UPDATE for an edit. */
  findOwned(
    ownerUserId: string,
    id: string,
    em: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<ReportSchedule | null> {
    return em.findOne(ReportSchedule, {
      where: { id, ownerUserId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  listOwned(ownerUserId: string, query: PageQueryDto): Promise<Page<ReportSchedule>> {
    const qb = this.dataSource
      .getRepository(ReportSchedule)
      .createQueryBuilder('s')
      .where('s.owner_user_id = :me', { me: ownerUserId });
    return paginateByCreation(qb, 's', query, 'DESC');
  }

  async markFired(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE report_schedules SET last_fired_at = now() WHERE id = $1`, [id]);
  }

  async name(em: EntityManager, id: string): Promise<string | null> {
    const [schedule] = await em.query<{ name: string }[]>(`SELECT name FROM report_schedules WHERE id = $1`, [
      id,
    ]);
    return schedule?.name ?? null;
  }
}
