import { GroupCommit } from './group-commit';

describe(GroupCommit.name, () => {
  it('sends what is submitted while a statement runs as one next statement, each caller getting its own result', async () => {
    const groups: number[][] = [];
    let release!: () => void;
    const sut = new GroupCommit<number, number>(async (items) => {
      groups.push(items);
      if (groups.length === 1) await new Promise<void>((r) => (release = r));
      return items.map((i) => i * 10);
    });
    const first = sut.submit(1);
    await new Promise((r) => setImmediate(r));
    const later = [sut.submit(2), sut.submit(3), sut.submit(4)];
    release();
    await expect(first).resolves.toBe(10);
    await expect(Promise.all(later)).resolves.toEqual([20, 30, 40]);
    expect(groups).toEqual([[1], [2, 3, 4]]);
  });

  it('groups the submissions of one tick, and a failed statement rejects only its own group', async () => {
    let calls = 0;
    const sut = new GroupCommit<string, string>(async (items) => {
      if (calls++ === 0) throw new Error('connection lost');
      return items.map((i) => i.toUpperCase());
    });
    const failed = [sut.submit('a'), sut.submit('b')];
    await expect(Promise.allSettled(failed)).resolves.toEqual([
      { status: 'rejected', reason: new Error('connection lost') },
      { status: 'rejected', reason: new Error('connection lost') },
    ]);
    await expect(sut.submit('c')).resolves.toBe('C');
    expect(calls).toBe(2);
  });
});
