import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, Clock } from '@tandem/core';
import { ProgrammeAccessService } from '@tandem/programmes';
import { DataSource } from 'typeorm';
import { DashboardRepository } from './dashboard.repository';
import { ProgrammeDashboard } from './dashboard.view';

/**
 * What a programme looks like at a glance, for everyone who reads it. Every figure is aggregated by
 * PostgreSQL (a handful of queries, no rows loaded to be counted here), inside one read-only
 * REPEATABLE READ transaction so all of them describe the same moment.
 *
 * The programme dashboard is a read model: one REPEATABLE READ snapshot across programmes, tasks,
 * indicators, partners and the audit trail, so its figures agree with each other. It lives in its
 * own library, above programmes and tasks, because it reads both (programmes cannot import tasks,
 * which depends on it). Its SQL reads other libraries' tables by design: the tables it may read are
 * declared in scripts/check-sql-ownership.mjs (READ_MODELS), and it never writes.
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rows: DashboardRepository,
    private readonly access: ProgrammeAccessService,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, programmeId: string): Promise<ProgrammeDashboard> {
    const now = this.clock.now();
    const today = now.toISOString().slice(0, 10);
    return this.rows.snapshot(this.dataSource, async (em) => {
      await this.access.require(actor, programmeId, 'read', em);
      const tasks = await this.rows.taskCounts(em, programmeId);
      return {
        programmeId,
        generatedAt: now,
        today,
        tasksByState: tasks.total,
        tasksByPartner: tasks.byPartner,
        overdueTasks: await this.rows.overdueTasks(em, programmeId, today),
        milestones: await this.rows.milestones(em, programmeId, today),
        indicators: await this.rows.indicators(em, programmeId),
        partners: await this.rows.partners(em, programmeId),
      };
    });
  }
}
