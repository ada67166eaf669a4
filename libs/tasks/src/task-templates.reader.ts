import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A task of a programme as a template another programme can start from: no people, no state. */
export interface TaskTemplate {
  title: string;
  description: string;
  /** Days from the programme's start to the task's due date, or null when it has none. */
  dueOffsetDays: number | null;
  /** The milestone it belongs to, by title (milestones travel by title and offset). */
  milestoneTitle: string | null;
}

@Injectable()
export class TaskTemplatesReader {
  /** Read-only, for other domains (good ideas' adaptations); scoped by the programme the caller may show. */
  async ofProgramme(em: EntityManager, programmeId: string): Promise<TaskTemplate[]> {
    const rows = await em.query<
      { title: string; description: string; due_offset: number | null; milestone_title: string | null }[]
    >(
      `SELECT t.title, t.description, (t.due_date - p.start_date)::int AS due_offset, m.title AS milestone_title
         FROM tasks t
         JOIN programmes p ON p.id = t.programme_id
         LEFT JOIN milestones m ON m.id = t.milestone_id
        WHERE t.programme_id = $1 AND t.state <> 'cancelled'
        ORDER BY t.due_date NULLS LAST, t.created_at, t.id
        LIMIT 200`,
      [programmeId],
    );
    return rows.map((r) => ({
      title: r.title,
      description: r.description,
      dueOffsetDays: r.due_offset,
      milestoneTitle: r.milestone_title,
    }));
  }
}
