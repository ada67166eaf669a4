import { ArgumentMetadata } from '@nestjs/common';
import { CoreError, CoreErrorCode } from '@tandem/core';
import { IdPath, MeetingPath } from './path-params.dto';
import { createValidationPipe } from './validation.pipe';

describe('path parameter DTOs', () => {
  const sut = createValidationPipe();
  const asParams = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({
    type: 'param',
    metatype,
  });

  it('takes a UUID of any version, as PathParamsGuard does', async () => {
    const id = '00000000-0000-0000-0000-00000000000a';
    await expect(sut.transform({ id }, asParams(IdPath))).resolves.toEqual({ id });
  });

  it('names each malformed parameter with the message the guard gives', async () => {
    const error = await sut
      .transform({ id: 'not-a-uuid', meetingId: '12' }, asParams(MeetingPath))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe(CoreErrorCode.ValidationFailed);
    expect((error as CoreError).errors).toHaveLength(2);
    expect((error as CoreError).errors).toEqual(
      expect.arrayContaining([
        { field: 'id', message: 'must be a UUID' },
        { field: 'meetingId', message: 'must be a UUID' },
      ]),
    );
  });

  it('refuses a parameter the path shape does not have', async () => {
    const id = '3f1c8f0e-7a59-4f3e-9d6f-1a2b3c4d5e6f';
    const error = await sut.transform({ id, other: id }, asParams(IdPath)).catch((e: unknown) => e);
    expect((error as CoreError).errors).toEqual([
      { field: 'other', message: 'other is not an allowed field' },
    ]);
  });
});
