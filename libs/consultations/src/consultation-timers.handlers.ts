import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppConfig,
  Clock,
  DatabaseJobHandlers,
  JobHandler,
  JobName,
  JobPayload,
  JobQueueService,
} from '@tandem/core';
import { DataSource } from 'typeorm';
import { ConsultationLifecycleService } from './consultation-lifecycle.service';
import { ConsultationsRepository } from './consultations.repository';
import { ConsultationAudience, ConsultationStatus as S } from './entities';
import { textIn } from './localized-text';

/**
 * A scheduled consultation opens and closes by itself. Each delayed job's id carries the date it
 * was scheduled for (`consultation-open.{id}.{opensAt epoch ms}`; BullMQ refuses ':' in custom ids), so moving a date adds a new job and the
 * old one, when it fires, finds the date moved and does nothing. Opening and closing are
 * compare-and-set updates (`… WHERE status = 'scheduled' AND opens_at = …`), so two worker
 * replicas, a retry, or an officer opening it by hand never open it twice.
 */
@Injectable()
export class ConsultationTimersHandlers extends DatabaseJobHandlers {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly jobs: JobQueueService,
    private readonly lifecycle: ConsultationLifecycleService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly consultations: ConsultationsRepository,
  ) {
    super(dataSource);
  }

  @JobHandler(JobName.ConsultationTimers)
  async schedule({ consultationId }: JobPayload<JobName.ConsultationTimers>): Promise<void> {
    const c = await this.consultations.findById(consultationId);
    if (!c || (c.status !== S.Scheduled && c.status !== S.Open)) return;
    const now = this.clock.now().getTime();
    const delay = (at: number) => Math.max(0, at - now);
    const opensAt = c.opensAt.toISOString();
    const closesAt = c.closesAt.toISOString();
    if (c.status === S.Scheduled) {
      await this.jobs.enqueue(
        JobName.ConsultationOpen,
        { consultationId, opensAt },
        `consultation-open.${consultationId}.${c.opensAt.getTime()}`,
        delay(c.opensAt.getTime()),
      );
    }
    await this.jobs.enqueue(
      JobName.ConsultationClose,
      { consultationId, closesAt },
      `consultation-close.${consultationId}.${c.closesAt.getTime()}`,
      delay(c.closesAt.getTime()),
    );
    // Scheduled once it is open, so a lead time longer than the whole consultation reminds after
    // opening rather than before anyone could answer.
    if (c.status === S.Open) {
      await this.jobs.enqueue(
        JobName.ConsultationClosingReminder,
        { consultationId, closesAt },
        `consultation-reminder.${consultationId}.${c.closesAt.getTime()}`,
        delay(c.closesAt.getTime() - this.config.CONSULTATION_REMINDER_SECONDS * 1000),
      );
    }
  }

  @JobHandler(JobName.ConsultationOpen)
  async open({ consultationId, opensAt }: JobPayload<JobName.ConsultationOpen>): Promise<void> {
    const opened = await this.dataSource.transaction((em) =>
      this.lifecycle.move(em, consultationId, S.Scheduled, S.Open, { opensAt: new Date(opensAt) }),
    );
    this.logger.log({
      msg: opened ? 'consultation opened' : 'consultation open: nothing to do',
      consultationId,
    });
  }

  @JobHandler(JobName.ConsultationClose)
  async close({ consultationId, closesAt }: JobPayload<JobName.ConsultationClose>): Promise<void> {
    const when = new Date(closesAt);
    const closed = await this.dataSource.transaction((em) =>
      this.lifecycle.move(em, consultationId, S.Open, S.Closed, { closesAt: when }),
    );
    if (closed) return;
    const c = await this.consultations.findById(consultationId);
    // Not opened yet although its closing date came (its open job is late or retrying): try again
    // later rather than leave it open past its date.
    if (c?.status === S.Scheduled && c.closesAt.getTime() === when.getTime())
      throw new Error(`consultation ${consultationId} has not opened yet; closing retried`);
  }

  @JobHandler(JobName.ConsultationClosingReminder)
  async remind(
    { consultationId, closesAt }: JobPayload<JobName.ConsultationClosingReminder>,
    meta: { jobId: string },
  ): Promise<void> {
    const c = await this.consultations.findById(consultationId);
    if (!c || c.status !== S.Open || c.closesAt.toISOString() !== closesAt) return;
    // Invited organisations only: with audience all_organizations there is no list of whom to
    // chase, and reminding every organisation on the platform would be noise.
    if (c.audience !== ConsultationAudience.Invited) return;
    await this.dataSource.transaction(async (em) => {
      const pending = await this.consultations.invitedWithoutResponse(em, consultationId);
      if (!pending.length) return;
      await this.lifecycle.notifyInTheirLanguage(em, c, {
        type: 'consultation.closing_soon',
        subject: { type: 'consultation', id: consultationId },
        recipients: { organizationIds: pending },
        params: (lang) => ({ consultationTitle: textIn(c.title, lang, c.languages), closesAt }),
        dedupeKey: meta.jobId,
      });
    });
  }
}
