import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, DeepPartial, EntityManager } from 'typeorm';
import { ConsultationQuestion } from './entities';

/** Queries over a consultation's questions (callers have checked access to the consultation). */
@Injectable()
export class QuestionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** In the order respondents see them. */
  ordered(
    consultationId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<ConsultationQuestion[]> {
    return em.find(ConsultationQuestion, {
      where: { consultationId },
      order: { position: 'ASC', id: 'ASC' },
    });
  }

  async ids(em: EntityManager, consultationId: string): Promise<Set<string>> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM consultation_questions WHERE consultation_id = $1`,
      [consultationId],
    );
    return new Set(rows.map((r) => r.id));
  }

  getById(id: string): Promise<ConsultationQuestion> {
    return this.dataSource.manager.findOneByOrFail(ConsultationQuestion, { id });
  }

  async insert(em: EntityManager, values: DeepPartial<ConsultationQuestion>): Promise<ConsultationQuestion> {
    return em.save(ConsultationQuestion, em.create(ConsultationQuestion, values));
  }

  async save(em: EntityManager, q: ConsultationQuestion): Promise<void> {
    await em.save(ConsultationQuestion, q);
  }

  async delete(em: EntityManager, id: string): Promise<void> {
    await em.delete(ConsultationQuestion, { id });
  }

  async setPosition(em: EntityManager, id: string, position: number): Promise<void> {
    await em.update(ConsultationQuestion, { id }, { position });
  }
}
