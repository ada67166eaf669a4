import { ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { throttlerKey } from './resilient-throttler.storage';

class TasksController {
  list(): void {}
}

describe(throttlerKey.name, () => {
  const context = {
    getClass: () => TasksController,
    getHandler: () => TasksController.prototype.list,
  } as unknown as ExecutionContext;
  const defaultKey = (tracker: string, name: string) =>
    (ThrottlerGuard.prototype as unknown as { generateKey: typeof throttlerKey }).generateKey(
      context,
      tracker,
      name,
    );

  it("is the throttler's own key (the same Redis counters), computed once per route, throttler and tracker", () => {
    for (const [tracker, name] of [
      ['127.0.0.1', 'default'],
      ['127.0.0.1', 'login'],
      ['10.0.0.1|a@example.test', 'login'],
    ]) {
      expect(throttlerKey(context, tracker, name)).toBe(defaultKey(tracker, name));
      expect(throttlerKey(context, tracker, name)).toBe(defaultKey(tracker, name));
    }
    expect(throttlerKey(context, '127.0.0.1', 'default')).not.toBe(
      throttlerKey(context, '127.0.0.2', 'default'),
    );
  });
});
