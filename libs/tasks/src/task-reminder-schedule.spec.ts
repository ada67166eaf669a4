import { JobName } from '@tandem/core';
import { dueEnd, planReminders, reminderJobId, todayUtc } from './task-reminder-schedule';

const TASK = '11111111-1111-4111-8111-111111111111';
const HOUR = 3_600_000;

describe('task reminder schedule', () => {
  it('treats a task as due at the end of its due date, UTC', () => {
    expect(dueEnd('2027-03-31').toISOString()).toBe('2027-04-01T00:00:00.000Z');
    expect(todayUtc(new Date('2027-03-31T23:59:59.999Z'))).toBe('2027-03-31');
  });

  it('plans "due soon" lead hours before the end of the day and "overdue" at it', () => {
    const now = new Date('2027-03-01T12:00:00Z');
    const plan = planReminders(TASK, '2027-03-31', now, 24);
    expect(plan).toEqual([
      {
        job: JobName.TaskDueSoon,
        jobId: `task-due:${TASK}:2027-03-31`,
        fireAt: new Date('2027-03-31T00:00:00Z'),
        delayMs: new Date('2027-03-31T00:00:00Z').getTime() - now.getTime(),
      },
      {
        job: JobName.TaskOverdue,
        jobId: `task-overdue:${TASK}:2027-03-31`,
        fireAt: new Date('2027-04-01T00:00:00Z'),
        delayMs: new Date('2027-04-01T00:00:00Z').getTime() - now.getTime(),
      },
    ]);
  });

  it('fires "due soon" at once when the task is already inside the lead time', () => {
    const now = new Date('2027-03-30T10:00:00Z');
    const [soon, overdue] = planReminders(TASK, '2027-03-31', now, 72);
    expect(soon.delayMs).toBe(0);
    expect(overdue.delayMs).toBe(38 * HOUR);
  });

  it('plans only "overdue", at once, for a task already past its due date', () => {
    const plan = planReminders(TASK, '2027-03-31', new Date('2027-04-02T00:00:00Z'), 24);
    expect(plan).toEqual([expect.objectContaining({ job: JobName.TaskOverdue, delayMs: 0 })]);
  });

  it('gives each due date its own job ids, which BullMQ accepts (exactly three ":"-parts)', () => {
    const a = reminderJobId(JobName.TaskDueSoon, TASK, '2027-03-31');
    const b = reminderJobId(JobName.TaskDueSoon, TASK, '2027-04-30');
    expect(a).not.toBe(b);
    expect(a.split(':')).toHaveLength(3);
    expect(reminderJobId(JobName.TaskOverdue, TASK, '2027-03-31').split(':')).toHaveLength(3);
  });
});
