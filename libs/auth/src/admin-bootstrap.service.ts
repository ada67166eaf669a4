import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@tandem/audit';
import { AppConfig, TransactionService, PlatformRole } from '@tandem/core';
import { User } from './entities';
import { UsersRepository } from './users.repository';
import { hashPassword, passwordProblems } from './password';

/**
 * Creates the first platform admin from ADMIN_EMAIL / ADMIN_PASSWORD when no admin exists. Safe
 * with many replicas starting at once: a transaction-scoped advisory lock serialises them.
 */
@Injectable()
export class AdminBootstrapService {
  private readonly logger = new Logger(AdminBootstrapService.name);

  constructor(
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly users: UsersRepository,
  ) {}

  async ensureAdmin(): Promise<'created' | 'exists' | 'not-configured'> {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.config;
    if (!email || !password) return 'not-configured';
    const problems = passwordProblems(password, email);
    if (problems.length) throw new Error(`ADMIN_PASSWORD: ${problems.join(', ')}`);
    return this.tx.run(async (em) => {
      await this.users.lockAdminBootstrap(em);
      if (await em.existsBy(User, { platformRole: PlatformRole.Admin })) return 'exists';
      const lower = email.toLowerCase();
      const existing = await em.findOneBy(User, { email: lower });
      let user: User;
      if (existing) {
        await em.update(User, { id: existing.id }, { platformRole: PlatformRole.Admin });
        user = existing;
        await this.audit.record(em, {
          action: 'update',
          entityType: 'user',
          entityId: user.id,
          before: { platformRole: existing.platformRole },
          after: { platformRole: PlatformRole.Admin },
        });
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
        await this.audit.record(em, {
          action: 'create',
          entityType: 'user',
          entityId: user.id,
          after: { email: user.email, name: user.name, platformRole: user.platformRole },
        });
      }
      this.logger.log({ msg: 'platform admin created from ADMIN_EMAIL', email: lower });
      return 'created';
    });
  }
}
