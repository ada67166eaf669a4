import { Injectable } from '@nestjs/common';
import { CoreError, toCsv, Actor } from '@tandem/core';
import { OrganizationsRepository } from '@tandem/stakeholders';
import { ConsultationAccess, ConsultationAccessService } from './consultation-access.service';
import { anonymousCsvRows, applyAnonymity } from './consultation-anonymity';
import {
  AnswerValue,
  Consultation,
  ConsultationQuestion,
  ConsultationStatus,
  QuestionType,
  SCALE_MAX,
  SCALE_MIN,
} from './entities';
import { inDefaultLanguage } from './localized-text';
import { QuestionResult, ConsultationResults } from './consultation-results.view';
import { QuestionsRepository } from './questions.repository';
import { ResponsesRepository } from './responses.repository';
import { ConsultationsRepository } from './consultations.repository';

interface Respondent {
  responseId: string;
  organizationId: string;
  organizationName: string;
  organizationKind: string;
  invited: boolean;
  answers: Record<string, AnswerValue>;
  updatedAt: Date;
}

const pct = (n: number, of: number): number => (of === 0 ? 0 : Math.round((n / of) * 1000) / 10);

/**
 * Results and their CSV export. Owners (and platform admins) read them at any time; invitees once
 * the outcome is published. With `anonymous: true` nothing here pairs an organisation with an
 * answer: no respondent list, free texts sorted by their content, CSV rows without organisation
 * columns in an order derived from their content alone.
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly repository: ConsultationsRepository,
    private readonly questions: QuestionsRepository,
    private readonly responses: ResponsesRepository,
    private readonly access: ConsultationAccessService,
    private readonly organizations: OrganizationsRepository,
  ) {}

  async results(actor: Actor, consultationId: string): Promise<ConsultationResults> {
    const { consultation: c } = await this.readable(actor, consultationId);
    return applyAnonymity(c, await this.fullResults(c));
  }

  /** Every answer counted; only ever returned through `applyAnonymity`. */
  private async fullResults(c: Consultation): Promise<ConsultationResults> {
    const { questions, respondents, invitedCount } = await this.load(c);
    const n = respondents.length;
    const byKind = new Map<string, number>();
    for (const r of respondents) byKind.set(r.organizationKind, (byKind.get(r.organizationKind) ?? 0) + 1);
    const respondedInvited = respondents.filter((r) => r.invited).length;
    return {
      consultationId: c.id,
      status: c.status,
      anonymous: c.anonymous,
      responseCount: n,
      participation: {
        invitedCount,
        respondedInvitedCount: respondedInvited,
        responseRate: invitedCount ? pct(respondedInvited, invitedCount) : null,
        byKind: [...byKind.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([kind, count]) => ({ kind, count })),
        ...(c.anonymous
          ? {}
          : {
              respondents: respondents.map((r) => ({
                organizationId: r.organizationId,
                organizationName: r.organizationName,
                organizationKind: r.organizationKind,
              })),
            }),
      },
      questions: questions.map((q) => this.questionResult(c, q, respondents)),
    };
  }

  async csv(actor: Actor, consultationId: string): Promise<{ filename: string; body: string }> {
    const { consultation: c } = await this.readable(actor, consultationId);
    const filename = `consultation-${c.id}-results.csv`;
    if (c.anonymous) {
      const results = applyAnonymity(c, await this.fullResults(c));
      const rows = anonymousCsvRows(
        results,
        (q) => `Q${q.position}: ${inDefaultLanguage(q.prompt, c.languages)}`,
      );
      return { filename, body: toCsv(rows) };
    }
    const { questions, respondents } = await this.load(c);
    const header = [
      'organization_id',
      'organization_name',
      'organization_kind',
      'submitted_at',
      ...questions.map((q) => `Q${q.position}: ${inDefaultLanguage(q.prompt, c.languages)}`),
    ];
    const rows = respondents.map((r) => [
      r.organizationId,
      r.organizationName,
      r.organizationKind,
      r.updatedAt.toISOString(),
      ...questions.map((q) => this.cell(r.answers[q.id])),
    ]);
    return { filename, body: toCsv([header, ...rows]) };
  }

  private async readable(actor: Actor, consultationId: string): Promise<ConsultationAccess> {
    const a = await this.access.require(actor, consultationId, 'read');
    if (!a.isOwner && !a.isPlatformAdmin && a.consultation.status !== ConsultationStatus.OutcomePublished)
      throw CoreError.forbidden('Invitees see the results once the outcome is published');
    return a;
  }

  private async load(c: Consultation) {
    const questions = await this.questions.ordered(c.id);
    const responses = await this.responses.forResults(c.id);
    // In the order of the organisations' names (the reader sorts them), as the results list them.
    const organizations = [
      ...(await this.organizations.summaries(responses.map((r) => r.organization_id))),
    ].map(([id, o]) => ({ id, ...o }));
    const byOrganization = new Map(responses.map((r) => [r.organization_id, r]));
    const respondents: Respondent[] = organizations.map((o) => {
      const r = byOrganization.get(o.id)!;
      return {
        responseId: r.id,
        organizationId: o.id,
        organizationName: o.name,
        organizationKind: o.kind,
        invited: r.invited,
        answers: r.answers,
        updatedAt: r.updated_at,
      };
    });
    return { questions, respondents, invitedCount: await this.repository.invitedCount(c.id) };
  }

  private questionResult(
    c: Consultation,
    q: ConsultationQuestion,
    respondents: Respondent[],
  ): QuestionResult {
    const given = respondents.filter((r) => q.id in r.answers);
    const answered = given.length;
    const base = {
      questionId: q.id,
      position: q.position,
      type: q.type,
      prompt: q.prompt,
      required: q.required,
      answered,
      skipped: respondents.length - answered,
    };
    switch (q.type) {
      case QuestionType.SingleChoice:
      case QuestionType.MultipleChoice: {
        const counts = new Map<string, number>(q.options.map((o) => [o.value, 0]));
        for (const r of given) {
          const v = r.answers[q.id];
          for (const x of Array.isArray(v) ? v : [v]) counts.set(String(x), (counts.get(String(x)) ?? 0) + 1);
        }
        // Percentages of the organisations that answered the question (multiple choice may add up past 100).
        return {
          ...base,
          options: q.options.map((o) => ({
            value: o.value,
            label: o.label,
            count: counts.get(o.value) ?? 0,
            percentage: pct(counts.get(o.value) ?? 0, answered),
          })),
        };
      }
      case QuestionType.Scale: {
        const values = given.map((r) => Number(r.answers[q.id]));
        const distribution = [];
        for (let v = SCALE_MIN; v <= SCALE_MAX; v++) {
          const count = values.filter((x) => x === v).length;
          distribution.push({ value: v, count, percentage: pct(count, answered) });
        }
        const average = answered
          ? Math.round((values.reduce((s, x) => s + x, 0) / answered) * 100) / 100
          : null;
        return { ...base, average, distribution };
      }
      case QuestionType.Text: {
        const texts = given
          .map((r) => ({ r, text: String(r.answers[q.id]) }))
          .filter((x) => x.text.trim() !== '');
        if (c.anonymous)
          return {
            ...base,
            answers: texts.map((x) => ({ text: x.text })).sort((a, b) => a.text.localeCompare(b.text)),
          };
        return {
          ...base,
          answers: texts.map((x) => ({
            text: x.text,
            organizationId: x.r.organizationId,
            organizationName: x.r.organizationName,
          })),
        };
      }
    }
  }

  private cell(v: AnswerValue | undefined): string {
    if (v === undefined) return '';
    return Array.isArray(v) ? v.join('; ') : String(v);
  }
}
