import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AnswerValue } from './entities';

export interface StoredResponse {
  answers: Record<string, AnswerValue>;
  created_at: Date;
  updated_at: Date;
}

/** A response as results read it: whose, and whether that organisation was invited. */
export interface ResponseForResults {
  id: string;
  organization_id: string;
  invited: boolean;
  answers: Record<string, AnswerValue>;
  updated_at: Date;
}

/** Queries over consultation responses: one per organisation per consultation (a constraint). */
@Injectable()
export class ResponsesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts the organisation's response, or with `upsert` replaces its answers; relies on the unique
   * (consultation, organisation) constraint, never find-then-insert. Null when `create` met an
   * existing response.
   */
  async save(
    em: EntityManager,
    r: { consultationId: string; organizationId: string; submittedByUserId: string | null; answers: object },
    mode: 'create' | 'upsert',
  ): Promise<{ id: string; created: boolean } | null> {
    const rows = (await em.query(
      `INSERT INTO consultation_responses (consultation_id, organization_id, submitted_by_user_id, answers)
         VALUES ($1, $2, $3, $4::jsonb)
         ON CONFLICT (consultation_id, organization_id) DO ${
           mode === 'upsert'
             ? 'UPDATE SET answers = EXCLUDED.answers, submitted_by_user_id = EXCLUDED.submitted_by_user_id, updated_at = now()'
             : 'NOTHING'
         }
         RETURNING id, (xmax = 0) AS created`,
      [r.consultationId, r.organizationId, r.submittedByUserId, JSON.stringify(r.answers)],
    )) as { id: string; created: boolean }[];
    return rows[0] ?? null;
  }

  async ofOrganization(
    consultationId: string,
    organizationId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<StoredResponse | null> {
    const rows: StoredResponse[] = await em.query(
      `SELECT r.answers, r.created_at, r.updated_at FROM consultation_responses r WHERE r.consultation_id = $1 AND r.organization_id = $2`,
      [consultationId, organizationId],
    );
    return rows[0] ?? null;
  }

  async count(em: EntityManager, consultationId: string): Promise<number> {
    const [{ n }] = (await em.query(
      `SELECT count(*)::int AS n FROM consultation_responses WHERE consultation_id = $1`,
      [consultationId],
    )) as { n: number }[];
    return n;
  }

  async respondingOrganizations(em: EntityManager, consultationId: string): Promise<string[]> {
    const rows: { organization_id: string }[] = await em.query(
      `SELECT organization_id FROM consultation_responses WHERE consultation_id = $1`,
      [consultationId],
    );
    return rows.map((r) => r.organization_id);
  }

  /** Every response of the consultation (results), by id; the caller orders them by organisation. */
  forResults(consultationId: string): Promise<ResponseForResults[]> {
    return this.dataSource.query(
      `SELECT r.id, r.organization_id, r.answers, r.updated_at,
              EXISTS (SELECT 1 FROM consultation_invitations ci WHERE ci.consultation_id = r.consultation_id AND ci.organization_id = r.organization_id) AS invited
         FROM consultation_responses r
        WHERE r.consultation_id = $1
        ORDER BY r.id`,
      [consultationId],
    );
  }
}
