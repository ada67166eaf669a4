import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, Page, paginateByCreation } from '@tandem/core';
import { Programme, ProgrammeAccessService } from '@tandem/programmes';
import { DataSource, EntityManager } from 'typeorm';
import { ListBankQuestionsDto } from './dto';
import {
  BankQuestion,
  FrameworkIndicator,
  IndicatorFramework,
  Territory,
  TerritoryObservation,
} from './entities';

export interface Jurisdiction {
  organizationId: string;
  territoryCode: string;
}

export interface ObservationValues {
  territoryCode: string;
  indicatorCode: string;
  period: string;
  migrantValue: number;
  hostValue: number | null;
  sampleSize: number | null;
  smallSample: boolean;
  source: string;
  sourceUrl: string | null;
  publishedByOrganizationId: string;
  publishedByUserId: string;
}

export interface ProgrammeIndicatorRow {
  id: string;
  programmeId: string;
  name: string;
  dimension: string;
  unit: string;
  kind: string;
  baseline: number;
  target: number;
  frameworkIndicatorCode: string | null;
  definition: string | null;
  latestPeriodEnd: string | null;
  latestValue: number | null;
}

export interface PartnerRow {
  programmeId: string;
  organizationId: string;
  name: string;
  kind: string;
  level: string | null;
  role: string;
}

export interface BankAnswerRow {
  consultationId: string;
  ownerOrganizationId: string;
  questionId: string;
  answer: unknown;
}

/** SQL for the territory under `code` and everything below it (codes are prefix-nested). */
const WITHIN = (column: string, param: string) => `(${column} = ${param} OR ${column} LIKE ${param} || '-%')`;

/**
 * Every query of the measuring tables. Catalogue, territories and published observations are open
 * to every signed-in user; programme data is read only through the programme policy's scope
 * (`ProgrammeAccessService.scopeVisible`), so a profile never lists a programme the caller may not read.
 */
@Injectable()
export class MeasuringRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programmes: ProgrammeAccessService,
  ) {}

  private get em(): EntityManager {
    return this.dataSource.manager;
  }

  async frameworks(): Promise<{ framework: IndicatorFramework; count: number }[]> {
    const [frameworks, counts] = await Promise.all([
      this.em.find(IndicatorFramework, { order: { code: 'ASC' } }),
      this.em.query(
        `SELECT framework_code, count(*)::int AS n FROM framework_indicators GROUP BY framework_code`,
      ) as Promise<{ framework_code: string; n: number }[]>,
    ]);
    const byCode = new Map(counts.map((c) => [c.framework_code, c.n]));
    return frameworks.map((framework) => ({ framework, count: byCode.get(framework.code) ?? 0 }));
  }

  framework(code: string): Promise<IndicatorFramework | null> {
    return this.em.findOneBy(IndicatorFramework, { code });
  }

  indicatorsOf(frameworkCode: string): Promise<FrameworkIndicator[]> {
    return this.em.find(FrameworkIndicator, { where: { frameworkCode }, order: { position: 'ASC' } });
  }

  indicator(code: string, em: EntityManager = this.em): Promise<FrameworkIndicator | null> {
    return em.findOneBy(FrameworkIndicator, { code });
  }

  async indicatorsByCode(
    codes: string[],
    em: EntityManager = this.em,
  ): Promise<Map<string, FrameworkIndicator>> {
    if (!codes.length) return new Map();
    const rows = await em
      .getRepository(FrameworkIndicator)
      .createQueryBuilder('i')
      .where('i.code IN (:...codes)', { codes: [...new Set(codes)] })
      .getMany();
    return new Map(rows.map((r) => [r.code, r]));
  }

  territory(code: string, em: EntityManager = this.em): Promise<Territory | null> {
    return em.findOneBy(Territory, { code });
  }

  async territoriesByCode(codes: string[]): Promise<Map<string, Territory>> {
    if (!codes.length) return new Map();
    const rows = await this.em
      .getRepository(Territory)
      .createQueryBuilder('t')
      .where('t.code IN (:...codes)', { codes })
      .getMany();
    return new Map(rows.map((r) => [r.code, r]));
  }

  listTerritories(filter: { parent?: string; country?: string }): Promise<Territory[]> {
    const qb = this.em.getRepository(Territory).createQueryBuilder('t');
    if (filter.parent) qb.andWhere('t.parent_code = :parent', { parent: filter.parent });
    if (filter.country) qb.andWhere('t.country = :country', { country: filter.country });
    return qb.orderBy('t.code', 'ASC').limit(1000).getMany();
  }

  async insertTerritory(
    em: EntityManager,
    t: Pick<Territory, 'code' | 'kind' | 'country' | 'parentCode' | 'name'>,
  ): Promise<Territory> {
    await em.insert(Territory, t);
    return em.findOneByOrFail(Territory, { code: t.code });
  }

  /** The actor's government organisations that have a jurisdiction (a territory code). */
  async jurisdictions(em: EntityManager, userId: string): Promise<Jurisdiction[]> {
    const rows: { organization_id: string; territory_code: string }[] = await em.query(
      `SELECT o.id AS organization_id, gp.territory_code
         FROM memberships m
         JOIN organizations o ON o.id = m.organization_id AND o.kind = 'government'
         JOIN government_profiles gp ON gp.organization_id = o.id
        WHERE m.user_id = $1 AND gp.territory_code IS NOT NULL
        ORDER BY o.id`,
      [userId],
    );
    return rows.map((r) => ({ organizationId: r.organization_id, territoryCode: r.territory_code }));
  }

  /** The published observation for (territory, indicator, period), locked for a revision. */
  findObservation(em: EntityManager, territoryCode: string, indicatorCode: string, period: string) {
    return em.findOne(TerritoryObservation, {
      where: { territoryCode, indicatorCode, period },
      lock: { mode: 'for_no_key_update' },
    });
  }

  /**
   * Publishes or revises an observation. ON CONFLICT makes two publishers of the same figure at
   * the same moment a revision rather than a unique-violation 500.
   */
  async upsertObservation(em: EntityManager, v: ObservationValues): Promise<TerritoryObservation> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO territory_observations
         (territory_code, indicator_code, period, migrant_value, host_value, sample_size, small_sample, source, source_url,
          published_by_organization_id, published_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (territory_code, indicator_code, period) DO UPDATE SET
         migrant_value = EXCLUDED.migrant_value, host_value = EXCLUDED.host_value,
         sample_size = EXCLUDED.sample_size, small_sample = EXCLUDED.small_sample,
         source = EXCLUDED.source, source_url = EXCLUDED.source_url,
         published_by_organization_id = EXCLUDED.published_by_organization_id,
         published_by_user_id = EXCLUDED.published_by_user_id,
         version = territory_observations.version + 1, updated_at = now()
       RETURNING id`,
      [
        v.territoryCode,
        v.indicatorCode,
        v.period,
        v.migrantValue,
        v.hostValue,
        v.sampleSize,
        v.smallSample,
        v.source,
        v.sourceUrl,
        v.publishedByOrganizationId,
        v.publishedByUserId,
      ],
    );
    return em.findOneByOrFail(TerritoryObservation, { id: rows[0].id });
  }

  /** Every observation of one territory (optionally one framework), oldest period first. */
  observationsOf(territoryCode: string, frameworkCode?: string): Promise<TerritoryObservation[]> {
    const qb = this.em
      .getRepository(TerritoryObservation)
      .createQueryBuilder('o')
      .where('o.territory_code = :territoryCode', { territoryCode });
    if (frameworkCode) qb.andWhere(`o.indicator_code LIKE :prefix`, { prefix: `${frameworkCode}:%` });
    return qb.orderBy('o.indicator_code', 'ASC').addOrderBy('o.period', 'ASC').getMany();
  }

  observationsFor(
    indicatorCode: string,
    territoryCodes: string[],
    from?: string,
    to?: string,
  ): Promise<TerritoryObservation[]> {
    const qb = this.em
      .getRepository(TerritoryObservation)
      .createQueryBuilder('o')
      .where('o.indicator_code = :indicatorCode', { indicatorCode })
      .andWhere('o.territory_code IN (:...territoryCodes)', { territoryCodes });
    if (from) qb.andWhere('o.period >= :from', { from });
    if (to) qb.andWhere('o.period <= :to', { to });
    return qb.orderBy('o.territory_code', 'ASC').addOrderBy('o.period', 'ASC').getMany();
  }

  /** Programmes working in the territory or anywhere under it that the actor may read. */
  visibleProgrammesIn(actor: Actor, territoryCode: string): Promise<Programme[]> {
    const qb = this.em
      .getRepository(Programme)
      .createQueryBuilder('p')
      .where(WITHIN('p.territory_code', ':territoryCode'), { territoryCode })
      .andWhere(`p.status NOT IN ('cancelled')`);
    this.programmes.scopeVisible(qb, actor, 'p');
    return qb.orderBy('p.title', 'ASC').addOrderBy('p.id', 'ASC').getMany();
  }

  /** The programmes' indicators with their latest reported value (by period end). Callers pass visible programmes only. */
  async programmeIndicators(programmeIds: string[]): Promise<ProgrammeIndicatorRow[]> {
    if (!programmeIds.length) return [];
    const rows: {
      id: string;
      programme_id: string;
      name: string;
      dimension: string;
      unit: string;
      kind: string;
      baseline: string;
      target: string;
      framework_indicator_code: string | null;
      definition: string | null;
      period_end: string | null;
      value: string | null;
    }[] = await this.em.query(
      `SELECT i.id, i.programme_id, i.name, i.dimension, i.unit, i.kind, i.baseline, i.target,
              i.framework_indicator_code, i.definition, v.period_end::text AS period_end, v.value
         FROM indicators i
         LEFT JOIN LATERAL (
           SELECT period_end, value FROM indicator_values
            WHERE indicator_id = i.id ORDER BY period_end DESC, id DESC LIMIT 1
         ) v ON true
        WHERE i.programme_id = ANY($1::uuid[])
        ORDER BY i.created_at, i.id`,
      [programmeIds],
    );
    return rows.map((r) => ({
      id: r.id,
      programmeId: r.programme_id,
      name: r.name,
      dimension: r.dimension,
      unit: r.unit,
      kind: r.kind,
      baseline: Number(r.baseline),
      target: Number(r.target),
      frameworkIndicatorCode: r.framework_indicator_code,
      definition: r.definition,
      latestPeriodEnd: r.period_end,
      latestValue: r.value === null ? null : Number(r.value),
    }));
  }

  /** Active partners (the lead included) of the programmes, with each government's level. */
  async partnersOf(programmeIds: string[]): Promise<PartnerRow[]> {
    if (!programmeIds.length) return [];
    const rows: {
      programme_id: string;
      organization_id: string;
      name: string;
      kind: string;
      level: string | null;
      role: string;
    }[] = await this.em.query(
      `SELECT pp.programme_id, o.id AS organization_id, o.name, o.kind, gp.level, pp.role
           FROM programme_partners pp
           JOIN organizations o ON o.id = pp.organization_id
           LEFT JOIN government_profiles gp ON gp.organization_id = o.id
          WHERE pp.programme_id = ANY($1::uuid[]) AND pp.status = 'active'
          ORDER BY o.name, o.id`,
      [programmeIds],
    );
    return rows.map((r) => ({
      programmeId: r.programme_id,
      organizationId: r.organization_id,
      name: r.name,
      kind: r.kind,
      level: r.level,
      role: r.role,
    }));
  }

  insertBankQuestion(em: EntityManager, q: Partial<BankQuestion>): Promise<BankQuestion> {
    return em.save(BankQuestion, em.create(BankQuestion, q));
  }

  bankQuestion(id: string): Promise<BankQuestion | null> {
    return this.em.findOneBy(BankQuestion, { id });
  }

  listBankQuestions(filter: ListBankQuestionsDto): Promise<Page<BankQuestion>> {
    const qb = this.em.getRepository(BankQuestion).createQueryBuilder('q');
    if (filter.dimension) qb.where(':dimension = ANY(q.dimensions)', { dimension: filter.dimension });
    return paginateByCreation(qb, 'q', filter, 'ASC');
  }

  /**
   * The answers given to copies of a bank question in consultations whose outcome is published
   * (results are public to their invitees by then). Only the answer values leave this query: no
   * organisation, no response id, so nothing here can be paired with who answered.
   */
  async bankAnswers(
    bankQuestionId: string,
  ): Promise<{ consultations: { id: string; ownerOrganizationId: string }[]; answers: BankAnswerRow[] }> {
    const consultations: { id: string; organization_id: string }[] = await this.em.query(
      `SELECT DISTINCT c.id, c.organization_id
         FROM consultation_questions q JOIN consultations c ON c.id = q.consultation_id
        WHERE q.bank_question_id = $1 AND c.status = 'outcome_published'
        ORDER BY c.id`,
      [bankQuestionId],
    );
    const answers: {
      consultation_id: string;
      organization_id: string;
      question_id: string;
      answer: unknown;
    }[] = await this.em.query(
      `SELECT c.id AS consultation_id, c.organization_id, q.id AS question_id, r.answers -> q.id::text AS answer
           FROM consultation_questions q
           JOIN consultations c ON c.id = q.consultation_id AND c.status = 'outcome_published'
           JOIN consultation_responses r ON r.consultation_id = c.id
          WHERE q.bank_question_id = $1 AND r.answers ? q.id::text`,
      [bankQuestionId],
    );
    return {
      consultations: consultations.map((c) => ({ id: c.id, ownerOrganizationId: c.organization_id })),
      answers: answers.map((a) => ({
        consultationId: a.consultation_id,
        ownerOrganizationId: a.organization_id,
        questionId: a.question_id,
        answer: a.answer,
      })),
    };
  }
}
