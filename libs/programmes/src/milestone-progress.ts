import { EntityManager } from 'typeorm';
import { MilestoneView } from './milestone.view';

/**
 * Milestones with progress derived from their tasks, never stored: the one query behind the
 * milestones list and the programme dashboard. `where` filters alias `m`; its parameters start at $2.
 */
export async function loadMilestones(
  em: EntityManager,
  where: string,
  params: unknown[],
  today: string = new Date().toISOString().slice(0, 10),
): Promise<MilestoneView[]> {
  const rows: {
    id: string;
    programme_id: string;
    title: string;
    due_date: string;
    total: string;
    done: string;
    overdue: boolean;
    version: number;
  }[] = await em.query(
    `SELECT m.id, m.programme_id, m.title, to_char(m.due_date, 'YYYY-MM-DD') AS due_date, m.version, c.total, c.done,
              (m.due_date < $1::date AND (c.total = 0 OR c.done < c.total)) AS overdue
         FROM milestones m
         CROSS JOIN LATERAL (
           SELECT count(*) FILTER (WHERE t.state <> 'cancelled') AS total,
                  count(*) FILTER (WHERE t.state = 'done') AS done
             FROM tasks t
            WHERE t.milestone_id = m.id AND t.programme_id = m.programme_id
         ) c
        WHERE ${where}
        ORDER BY m.due_date, m.id`,
    [today, ...params],
  );
  return rows.map((r) => {
    const total = Number(r.total);
    const done = Number(r.done);
    return {
      id: r.id,
      programmeId: r.programme_id,
      title: r.title,
      dueDate: r.due_date,
      tasksTotal: total,
      tasksDone: done,
      progress: total === 0 ? 0 : Math.round((done / total) * 1e6) / 1e6,
      overdue: r.overdue,
      version: r.version,
    };
  });
}
