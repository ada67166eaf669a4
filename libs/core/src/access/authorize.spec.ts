import { CoreError, CoreErrorCode } from '../errors/domain-error';
import { authorize, hiddenAs } from './authorize';

const codeOf = (fn: () => void): string => {
  try {
    fn();
    return 'allowed';
  } catch (err) {
    return (err as CoreError).code;
  }
};

describe('authorize', () => {
  it.each([
    [false, false, CoreErrorCode.NotFound],
    [false, true, CoreErrorCode.NotFound],
    [true, false, CoreErrorCode.Forbidden],
    [true, true, 'allowed'],
  ])('visible=%s permitted=%s → %s', (visible, permitted, expected) => {
    expect(codeOf(() => authorize({ what: 'Programme', visible, permitted }))).toBe(expected);
  });

  it('names the hidden record as the child, not the parent', async () => {
    await expect(hiddenAs('Task', () => Promise.reject(CoreError.notFound('Programme')))).rejects.toThrow(
      'Task not found',
    );
  });
});
