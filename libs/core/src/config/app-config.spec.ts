import { AppConfig, ConfigValidationError, loadConfig } from './app-config';

const valid = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/tandem',
  REDIS_URL: 'redis://localhost:6379',
  SMTP_URL: 'smtp://localhost:25',
  MAIL_FROM: 'Tandem <no-reply@example.org>',
  PUBLIC_URL: 'https://tandem.example.org',
  JWT_ACCESS_SECRET: 'a'.repeat(32),
  JWT_REFRESH_SECRET: 'b'.repeat(32),
};

describe('configuration', () => {
  it('reads and converts a valid environment, with defaults', () => {
    const config = loadConfig(AppConfig, { ...valid, PORT: '8080' });
    expect(config.PORT).toBe(8080);
    expect(config.JWT_ACCESS_TTL).toBe(900);
  });

  it('names every bad or missing variable', () => {
    const { DATABASE_URL: _omit, ...rest } = valid;
    try {
      loadConfig(AppConfig, { ...rest, PORT: 'eighty', JWT_ACCESS_SECRET: 'short' });
      throw new Error('expected a ConfigValidationError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigValidationError);
      const names = (err as ConfigValidationError).problems.map((p) => p.split(':')[0]).sort();
      expect(names).toEqual(['DATABASE_URL', 'JWT_ACCESS_SECRET', 'PORT']);
      expect((err as ConfigValidationError).problems.find((p) => p.startsWith('DATABASE_URL'))).toBe(
        'DATABASE_URL: is required',
      );
    }
  });
});
