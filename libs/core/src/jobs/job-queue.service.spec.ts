import { assertJobId } from './job-queue.service';

describe('assertJobId', () => {
  it('accepts ids BullMQ accepts', () => {
    expect(() => assertJobId('3f1c8f0e-7a59-4f3e-9d6f-1a2b3c4d5e6f')).not.toThrow();
    expect(() => assertJobId('task-due:abc:2027-03-31')).not.toThrow();
    expect(() => assertJobId('consultation-open.abc.1795437686490')).not.toThrow();
  });

  it('refuses ids BullMQ would reject later, in Redis', () => {
    expect(() => assertJobId('open:abc:2027-03-31T10:00:00Z')).toThrow(/colons/);
    expect(() => assertJobId('a:b')).toThrow(/colons/);
  });
});
