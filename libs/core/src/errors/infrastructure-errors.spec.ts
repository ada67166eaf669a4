import { QueryFailedError } from 'typeorm';
import { CoreError, CoreErrorCode } from './domain-error';
import { isDatabaseUnavailable, isInfrastructureError, serviceUnavailable } from './infrastructure-errors';

describe(isInfrastructureError.name, () => {
  it('recognises PostgreSQL and Redis being away', () => {
    expect(
      isInfrastructureError(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      ),
    ).toBe(true);
    expect(isInfrastructureError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isInfrastructureError(new Error('timeout exceeded when trying to connect'))).toBe(true);
    const shuttingDown = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    expect(isInfrastructureError(new QueryFailedError('SELECT 1', [], shuttingDown))).toBe(true);
    expect(isInfrastructureError(Object.assign(new Error('x'), { name: 'MaxRetriesPerRequestError' }))).toBe(
      true,
    );
    expect(
      isInfrastructureError(new Error("Stream isn't writeable and enableOfflineQueue options is false")),
    ).toBe(true);
    expect(isInfrastructureError(new Error('wrapped', { cause: { code: 'ECONNRESET' } }))).toBe(true);
  });

  it('leaves domain errors and query mistakes alone', () => {
    expect(isInfrastructureError(new CoreError(CoreErrorCode.NotFound, 'Connection terminated'))).toBe(false);
    const unique = Object.assign(new Error('duplicate key'), { code: '23505' });
    expect(isInfrastructureError(new QueryFailedError('INSERT', [], unique))).toBe(false);
    expect(isInfrastructureError(new TypeError('x is undefined'))).toBe(false);
    expect(isInfrastructureError(undefined)).toBe(false);
  });

  it('becomes SERVICE_UNAVAILABLE with Retry-After', () => {
    const e = serviceUnavailable();
    expect(e.code).toBe(CoreErrorCode.ServiceUnavailable);
    expect(e.headers).toEqual({ 'Retry-After': '5' });
  });
});

describe(isDatabaseUnavailable.name, () => {
  it('is PostgreSQL only: a refused SMTP or webhook connection is not', () => {
    const shuttingDown = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], shuttingDown))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    const refused = (port: number) =>
      Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:${port}`), { code: 'ECONNREFUSED', port });
    expect(isDatabaseUnavailable(refused(5432), 5432)).toBe(true);
    expect(isDatabaseUnavailable(refused(25), 5432)).toBe(false);
    expect(isDatabaseUnavailable(new Error('Connection is closed.'))).toBe(false);
  });
});
