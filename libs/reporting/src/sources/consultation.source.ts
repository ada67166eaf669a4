import { Injectable } from '@nestjs/common';

import { CoreError, Actor } from '@tandem/core';
import {
  ConsultationAccessService,
  ConsultationStatus,
  inDefaultLanguage,
  LocalizedText,
  ResultsService,
} from '@tandem/consultations';
import { columns, BarChart, fromArray, ReportContent, Row } from '../report-content';

/** A suppressed cell is a gap in a chart, never a bar. */
const numeric = (n: number | string): number | null => (typeof n === 'number' ? n : null);

/**
 * consultation: the results (ResultsService: the same access rule and the same anonymity as
 * GET /consultations/{id}/results, so the anonymity policy of consultation-anonymity.ts applies:
 * sealed until closing, suppressed cells, free texts only above the threshold) and the published outcome.
 */
@Injectable()
export class ConsultationSource {
  constructor(
    private readonly results: ResultsService,
    private readonly access: ConsultationAccessService,
  ) {}

  async check(actor: Actor, p: { consultationId: string }): Promise<void> {
    const a = await this.access.require(actor, p.consultationId, 'read');
    if (!a.isOwner && !a.isPlatformAdmin && a.consultation.status !== ConsultationStatus.OutcomePublished)
      throw CoreError.forbidden('Invitees see the results once the outcome is published');
  }

  async content(actor: Actor, p: { consultationId: string }): Promise<ReportContent> {
    const r = await this.results.results(actor, p.consultationId);
    const { consultation: c } = await this.access.require(actor, p.consultationId, 'read');
    const t = (x: LocalizedText) => inDefaultLanguage(x, c.languages);
    const title = t(c.title);
    const optionRows: Row[] = [];
    const textRows: Row[] = [];
    const charts: BarChart[] = [];
    for (const q of r.questions) {
      const prompt = `Q${q.position}: ${t(q.prompt)}`;
      if (q.options) {
        for (const o of q.options)
          optionRows.push({ question: prompt, option: t(o.label), count: o.count, percentage: o.percentage });
        charts.push({
          title: prompt,
          categories: q.options.map((o) => t(o.label)),
          series: [{ name: 'organisations', values: q.options.map((o) => numeric(o.count)) }],
        });
      }
      if (q.distribution) {
        for (const d of q.distribution)
          optionRows.push({
            question: prompt,
            option: String(d.value),
            count: d.count,
            percentage: d.percentage,
          });
        charts.push({
          title: `${prompt} (average ${q.average ?? '–'})`,
          categories: q.distribution.map((d) => String(d.value)),
          series: [{ name: 'organisations', values: q.distribution.map((d) => numeric(d.count)) }],
        });
      }
      for (const a of q.answers ?? [])
        textRows.push({
          question: prompt,
          answer: a.text,
          ...(r.anonymous ? {} : { organization: a.organizationName ?? null }),
        });
    }
    const outcome = c.outcome;
    return {
      title: `Consultation: ${title}`,
      facts: [
        ['Consultation', title],
        ['Status', r.status],
        ['Anonymous', r.anonymous],
        ['Responses', r.responseCount],
        ['Invited organisations', r.participation.invitedCount],
        ['Invited organisations that answered', r.participation.respondedInvitedCount],
        ['Response rate (%)', r.participation.responseRate],
      ],
      sections: [
        {
          name: 'participation_by_kind',
          title: 'Participation by stakeholder kind',
          columns: columns({ kind: 'Stakeholder kind', organizations: 'Organisations that answered' }),
          rows: () =>
            fromArray(r.participation.byKind.map((k) => ({ kind: k.kind, organizations: k.count }))),
          charts: r.participation.byKind.length
            ? [
                {
                  title: 'Organisations that answered, by kind',
                  categories: r.participation.byKind.map((k) => k.kind),
                  series: [
                    { name: 'organisations', values: r.participation.byKind.map((k) => numeric(k.count)) },
                  ],
                },
              ]
            : [],
        },
        ...(r.anonymous
          ? []
          : [
              {
                name: 'respondents',
                title: 'Respondents',
                columns: columns({ organization: 'Organisation', kind: 'Kind' }),
                rows: () =>
                  fromArray(
                    (r.participation.respondents ?? []).map((x) => ({
                      organization: x.organizationName,
                      kind: x.organizationKind,
                    })),
                  ),
              },
            ]),
        {
          name: 'questions',
          title: 'Questions',
          columns: columns({
            question: 'Question',
            type: 'Type',
            answered: 'Answered',
            skipped: 'Skipped',
            average: 'Average',
          }),
          rows: () =>
            fromArray(
              r.questions.map((q) => ({
                question: `Q${q.position}: ${t(q.prompt)}`,
                type: q.type,
                answered: q.answered,
                skipped: q.skipped,
                average: q.average ?? null,
              })),
            ),
        },
        {
          name: 'question_results',
          title: 'Results per question',
          columns: columns({
            question: 'Question',
            option: 'Answer',
            count: 'Organisations',
            percentage: '%',
          }),
          rows: () => fromArray(optionRows),
          charts,
        },
        {
          name: 'free_texts',
          title: 'Free-text answers',
          note: r.anonymous
            ? 'Anonymous consultation: answers are shown without organisations, in text order.'
            : undefined,
          columns: columns({
            question: 'Question',
            answer: 'Answer',
            ...(r.anonymous ? {} : { organization: 'Organisation' }),
          }),
          rows: () => fromArray(textRows),
        },
        {
          name: 'outcome',
          title: 'Published outcome ("you said, we did")',
          columns: columns({ item: 'Item', text: 'Text' }),
          rows: () =>
            fromArray(
              outcome
                ? [
                    { item: 'summary', text: t(outcome.summary) },
                    ...outcome.decisions.map((d, i) => ({ item: `decision ${i + 1}`, text: t(d.text) })),
                  ]
                : [],
            ),
          note: outcome ? undefined : 'No outcome published yet.',
        },
      ],
    };
  }
}
