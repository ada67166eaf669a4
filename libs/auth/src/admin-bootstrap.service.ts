import { Injectable, Logger } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import { AppConfig, PlatformRole } from '@tandem/core';
import { User } from './entities';
import { UsersRepository } from './users.repository';
import { hashPassword, passwordProblems } from './password';

/**
 * Creates the first platform admin from ADMIN_EMAIL / ADMIN_PASSWORD when no admin exists. Safe
 * with many replicas starting at once: a transaction-scoped advisory lock serialises them.
 */
/** ADMIN_PASSWORD checked like every other password, as configuration lines the api prints at boot. */
export function adminConfigProblems(config: Pick<AppConfig, 'ADMIN_EMAIL' | 'ADMIN_PASSWORD'>): string[] {
  if (!config.ADMIN_EMAIL || !config.ADMIN_PASSWORD) return [];
  const problems = passwordProblems(config.ADMIN_PASSWORD, config.ADMIN_EMAIL);
  return problems.length ? [`ADMIN_PASSWORD: ${problems.join('; ')}`] : [];
}

@Injectable()
export class AdminBootstrapService {
  private readonly logger = new Logger(AdminBootstrapService.name);

  constructor(
    private readonly write: DomainWrite,
    private readonly config: AppConfig,
    private readonly users: UsersRepository,
  ) {}

  async ensureAdmin(): Promise<'created' | 'exists' | 'not-configured'> {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.config;
    if (!email || !password) return 'not-configured';
    const problems = adminConfigProblems(this.config);
    if (problems.length) throw new Error(problems.join('; '));
    return this.write.run(async (em) => {
      await this.users.lockAdminBootstrap(em);
      if (await em.existsBy(User, { platformRole: PlatformRole.Admin })) return 'exists';
      const lower = email.toLowerCase();
      const existing = await em.findOneBy(User, { email: lower });
      let user: User;
      if (existing) {
        await em.update(User, { id: existing.id }, { platformRole: PlatformRole.Admin });
        user = existing;
        await this.write.auditUpdate(
          em,
          'user',
          user.id,
          { platformRole: existing.platformRole },
          { platformRole: PlatformRole.Admin },
        );
      } else {
        user = await em.save(
          User,
          em.create(User, {
            email: lower,
            name: 'Platform administrator',
            passwordHash: await hashPassword(password),
            platformRole: PlatformRole.Admin,
          }),
        );
        await this.write.auditCreate(em, 'user', user.id, {
          email: user.email,
          name: user.name,
          platformRole: user.platformRole,
        });
      }
      this.logger.log({ msg: 'platform admin created from ADMIN_EMAIL', email: lower });
      return 'created';
    });
  }
}
