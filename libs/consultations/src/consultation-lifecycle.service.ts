import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import {
  NotificationParams,
  NotificationsService,
  NotificationType,
  TypedNotificationRequest,
} from '@tandem/notifications';
import { EntityManager } from 'typeorm';
import { ConsultationsRepository } from './consultations.repository';
import { Consultation, ConsultationAudience, ConsultationStatus as S } from './entities';
import { inDefaultLanguage, textIn } from './localized-text';
import { ResponsesRepository } from './responses.repository';

/**
 * The status moves shared by the API (an officer's transition) and the worker (dates reached).
 * Each is a compare-and-set on the status, so two worker replicas, or a worker and an officer,
 * never make the same move twice; the side effects (notifications) commit with it. Opening and
 * closing on their dates is the timer sweep's (ConsultationTimerSweep), which reads them from the row.
 */
@Injectable()
export class ConsultationLifecycleService {
  constructor(
    private readonly write: DomainWrite,
    private readonly notifications: NotificationsService,
    private readonly consultations: ConsultationsRepository,
    private readonly responses: ResponsesRepository,
  ) {}

  /**
   * `when` restricts the move to a consultation whose date is still the one the sweep found: a date
   * moved meanwhile leaves nothing to do.
   */
  async move(
    em: EntityManager,
    id: string,
    from: S,
    to: S,
    when?: { opensAt?: Date; closesAt?: Date },
  ): Promise<Consultation | null> {
    if (!(await this.consultations.move(em, id, from, to, when))) return null;
    const c = await this.consultations.getById(id, em);
    await this.write.auditUpdate(em, 'consultation', id, { status: from }, { status: to });
    await this.sideEffects(em, c, from, to);
    return c;
  }

  private async sideEffects(em: EntityManager, c: Consultation, from: S, to: S): Promise<void> {
    const title = inDefaultLanguage(c.title, c.languages);
    const subject = { type: 'consultation', id: c.id };
    if (to === S.Open) {
      await this.notifyInTheirLanguage(em, c, {
        type: 'consultation.opened',
        subject,
        recipients: await this.invitees(em, c),
        params: (lang) => ({
          consultationTitle: textIn(c.title, lang, c.languages),
          closesAt: c.closesAt.toISOString(),
        }),
        dedupeKey: `consultation-opened:${c.id}`,
      });
    }
    if (to === S.Closed) {
      const n = await this.responses.count(em, c.id);
      await this.notifications.notify(em, {
        type: 'consultation.closed',
        subject,
        recipients: { organizationIds: [c.organizationId] },
        params: { consultationTitle: title, responseCount: n },
      });
    }
    if (to === S.Cancelled && from !== S.Draft) {
      await this.notifyInTheirLanguage(em, c, {
        type: 'consultation.cancelled',
        subject,
        recipients: await this.invitees(em, c),
        params: (lang) => ({ consultationTitle: textIn(c.title, lang, c.languages) }),
        dedupeKey: `consultation-cancelled:${c.id}`,
      });
    }
  }

  /**
   * Invitees read the consultation's texts in their own language when it is offered, else in the
   * default one: one fan-out per offered language (the default one also takes everyone whose
   * language is not offered), each still a single statement however many recipients.
   */
  async notifyInTheirLanguage<T extends NotificationType>(
    em: EntityManager,
    c: Consultation,
    request: Omit<TypedNotificationRequest<T>, 'params'> & {
      params: (language: string) => NotificationParams[T];
    },
  ): Promise<void> {
    const [defaultLanguage, ...others] = c.languages;
    const groups = [
      { language: defaultLanguage, languages: { notIn: others } },
      ...others.map((l) => ({ language: l, languages: { in: [l] } })),
    ];
    for (const g of groups) {
      await this.notifications.notify(em, {
        ...request,
        recipients: { ...request.recipients, languages: g.languages },
        params: request.params(g.language),
      });
    }
  }

  /** Every member of every invited organisation; for all_organizations, every member of every organisation. */
  async invitees(
    em: EntityManager,
    c: Consultation,
  ): Promise<{ organizationIds?: string[]; allOrganizationMembers?: boolean }> {
    if (c.audience === ConsultationAudience.AllOrganizations) return { allOrganizationMembers: true };
    return { organizationIds: (await this.consultations.invitedOf([c.id], em)).get(c.id) ?? [] };
  }
}
