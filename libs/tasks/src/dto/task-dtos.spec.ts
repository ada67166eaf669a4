import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { isCalendarDate } from '@tandem/core';
import { CreateTaskDto } from './create-task.dto';
import { ListTasksDto } from './list-tasks.dto';
import { UpdateTaskDto } from './update-task.dto';

const ORG = '11111111-1111-4111-8111-111111111111';

async function badFields<T extends object>(cls: new () => T, plain: object): Promise<string[]> {
  const errors = await validate(plainToInstance(cls, plain), { whitelist: true, forbidNonWhitelisted: true });
  return errors.map((e) => e.property).sort();
}

describe('task DTOs', () => {
  it('accepts real calendar dates only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-13-01')).toBe(false);
    expect(isCalendarDate('2027-1-01')).toBe(false);
    expect(isCalendarDate('2027-03-31T00:00:00Z')).toBe(false);
    expect(isCalendarDate(20270331)).toBe(false);
  });

  it('names each bad field of a new task, unknown ones included', async () => {
    expect(await badFields(CreateTaskDto, { title: 'Book the venue', assigneeOrganizationId: ORG })).toEqual(
      [],
    );
    expect(
      await badFields(CreateTaskDto, {
        title: '   ',
        assigneeOrganizationId: 'nope',
        priority: 'asap',
        dueDate: '2027-02-30',
        blockedBy: [ORG, ORG],
        colour: 'red',
      }),
    ).toEqual(['assigneeOrganizationId', 'blockedBy', 'colour', 'dueDate', 'priority', 'title']);
  });

  it('lets an edit clear the clearable fields with null, and only those', async () => {
    expect(
      await badFields(UpdateTaskDto, { milestoneId: null, assigneeUserId: null, dueDate: null }),
    ).toEqual([]);
    expect(
      await badFields(UpdateTaskDto, { title: null, priority: null, assigneeOrganizationId: null }),
    ).toEqual(['assigneeOrganizationId', 'priority', 'title']);
  });

  it('reads list filters from the query string', async () => {
    const dto = plainToInstance(ListTasksDto, { state: 'todo,in_progress', overdue: 'true' });
    expect(dto.state).toEqual(['todo', 'in_progress']);
    expect(dto.overdue).toBe(true);
    expect(await badFields(ListTasksDto, { state: 'todo,later', overdue: 'yes' })).toEqual([
      'overdue',
      'state',
    ]);
  });
});
