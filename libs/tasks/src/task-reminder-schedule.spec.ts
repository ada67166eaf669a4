import { dueEnd, reminderDates, reminderDedupeKey, todayUtc } from './task-reminder-schedule';

const TASK = '11111111-1111-4111-8111-111111111111';

describe('task reminder schedule', () => {
  it('treats a task as due at the end of its due date, UTC', () => {
    expect(dueEnd('2027-03-31').toISOString()).toBe('2027-04-01T00:00:00.000Z');
    expect(todayUtc(new Date('2027-03-31T23:59:59.999Z'))).toBe('2027-03-31');
  });

  it('dates "due soon" lead hours before the end of the day and "overdue" at it', () => {
    const now = new Date('2027-03-01T12:00:00Z');
    expect(reminderDates('2027-03-31', true, now, 24)).toEqual({
      dueSoonAt: new Date('2027-03-31T00:00:00Z'),
      overdueAt: new Date('2027-04-01T00:00:00Z'),
    });
    expect(reminderDates('2027-03-31', true, now, 72).dueSoonAt).toEqual(new Date('2027-03-29T00:00:00Z'));
  });

  it('keeps a "due soon" time already past (the next sweep sends it) while the task is not yet overdue', () => {
    const now = new Date('2027-03-31T20:00:00Z');
    expect(reminderDates('2027-03-31', true, now, 24)).toEqual({
      dueSoonAt: new Date('2027-03-31T00:00:00Z'),
      overdueAt: new Date('2027-04-01T00:00:00Z'),
    });
  });

  it('gives an overdue task only the overdue reminder, at once', () => {
    const now = new Date('2027-04-01T00:00:00Z');
    expect(reminderDates('2027-03-31', true, now, 24)).toEqual({
      dueSoonAt: null,
      overdueAt: new Date('2027-04-01T00:00:00Z'),
    });
  });

  it('gives a closed task, or one without a due date, none', () => {
    const now = new Date('2027-03-01T12:00:00Z');
    expect(reminderDates('2027-03-31', false, now, 24)).toEqual({ dueSoonAt: null, overdueAt: null });
    expect(reminderDates(null, true, now, 24)).toEqual({ dueSoonAt: null, overdueAt: null });
  });

  it('keys each reminder by task and due date, as the delayed jobs did', () => {
    expect(reminderDedupeKey('due_soon', TASK, '2027-03-31')).toBe(`task-due:${TASK}:2027-03-31`);
    expect(reminderDedupeKey('overdue', TASK, '2027-03-31')).toBe(`task-overdue:${TASK}:2027-03-31`);
    expect(reminderDedupeKey('due_soon', TASK, '2027-04-30')).not.toBe(
      reminderDedupeKey('due_soon', TASK, '2027-03-31'),
    );
  });
});
