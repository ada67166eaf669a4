import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';

import { CoreError, Actor } from '@tandem/core';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ConsultationAccess, ConsultationAccessService } from './consultation-access.service';
import {
  AnswerValue,
  Consultation,
  ConsultationQuestion,
  ConsultationStatus,
  LocalizedText,
  QuestionType,
  SCALE_MAX,
  SCALE_MIN,
} from './entities';
import { inDefaultLanguage } from './localized-text';

interface Respondent {
  responseId: string;
  organizationId: string;
  organizationName: string;
  organizationKind: string;
  invited: boolean;
  answers: Record<string, AnswerValue>;
  updatedAt: Date;
}

export interface QuestionResult {
  questionId: string;
  position: number;
  type: QuestionType;
  prompt: LocalizedText;
  required: boolean;
  answered: number;
  skipped: number;
  options?: { value: string; label: LocalizedText; count: number; percentage: number }[];
  average?: number | null;
  distribution?: { value: number; count: number; percentage: number }[];
  /** Free-text answers; with the answering organisation unless the consultation is anonymous. */
  answers?: { text: string; organizationId?: string; organizationName?: string }[];
}

export interface ConsultationResults {
  consultationId: string;
  status: ConsultationStatus;
  anonymous: boolean;
  responseCount: number;
  participation: {
    invitedCount: number;
    respondedInvitedCount: number;
    /** Percentage of invited organisations that answered; null when nobody was invited by name. */
    responseRate: number | null;
    byKind: { kind: string; count: number }[];
    /** Who answered; omitted for anonymous consultations. */
    respondents?: { organizationId: string; organizationName: string; organizationKind: string }[];
  };
  questions: QuestionResult[];
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ConsultationAccessService,
  ) {}

  async results(actor: Actor, consultationId: string): Promise<ConsultationResults> {
    const { consultation: c } = await this.readable(actor, consultationId);
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
    const { questions, respondents } = await this.load(c);
    const header = [
      ...(c.anonymous ? [] : ['organization_id', 'organization_name', 'organization_kind', 'submitted_at']),
      ...questions.map((q) => `Q${q.position}: ${inDefaultLanguage(q.prompt, c.languages)}`),
    ];
    let rows = respondents.map((r) => [
      ...(c.anonymous
        ? []
        : [r.organizationId, r.organizationName, r.organizationKind, r.updatedAt.toISOString()]),
      ...questions.map((q) => this.cell(r.answers[q.id])),
    ]);
    if (c.anonymous) {
      // Order by content only: submission order or organisation could otherwise be read back.
      const key = (row: string[]) => createHash('sha256').update(JSON.stringify(row)).digest('hex');
      rows = rows
        .map((row) => ({ row, k: key(row) }))
        .sort((a, b) => a.k.localeCompare(b.k))
        .map((x) => x.row);
    }
    const body = [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
    return { filename: `consultation-${c.id}-results.csv`, body: `\uFEFF${body}` };
  }

  private async readable(actor: Actor, consultationId: string): Promise<ConsultationAccess> {
    const a = await this.access.require(actor, consultationId, 'read');
    if (!a.isOwner && !a.isPlatformAdmin && a.consultation.status !== ConsultationStatus.OutcomePublished)
      throw CoreError.forbidden('Invitees see the results once the outcome is published');
    return a;
  }

  private async load(c: Consultation) {
    const em = this.dataSource.manager;
    const questions = await em.find(ConsultationQuestion, {
      where: { consultationId: c.id },
      order: { position: 'ASC', id: 'ASC' },
    });
    const rows: {
      id: string;
      organization_id: string;
      name: string;
      kind: string;
      invited: boolean;
      answers: Record<string, AnswerValue>;
      updated_at: Date;
    }[] = await em.query(
      `SELECT r.id, r.organization_id, o.name, o.kind, r.answers, r.updated_at,
              EXISTS (SELECT 1 FROM consultation_invitations ci WHERE ci.consultation_id = r.consultation_id AND ci.organization_id = r.organization_id) AS invited
         FROM consultation_responses r JOIN organizations o ON o.id = r.organization_id
        WHERE r.consultation_id = $1
        ORDER BY o.name, r.id`,
      [c.id],
    );
    const [{ n }] = (await em.query(
      `SELECT count(*)::int AS n FROM consultation_invitations WHERE consultation_id = $1`,
      [c.id],
    )) as { n: number }[];
    const respondents: Respondent[] = rows.map((r) => ({
      responseId: r.id,
      organizationId: r.organization_id,
      organizationName: r.name,
      organizationKind: r.kind,
      invited: r.invited,
      answers: r.answers,
      updatedAt: r.updated_at,
    }));
    return { questions, respondents, invitedCount: n };
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

/** RFC 4180 quoting, and a leading ' on cells a spreadsheet would take for a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
