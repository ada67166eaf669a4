import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AuditModule } from '@tandem/audit';
import { AuthModule } from '@tandem/auth';
import { AppConfig, CoreModule, JobsModule, LoggingModule } from '@tandem/core';
import { DatabaseModule } from '@tandem/database';
import { NotificationsModule } from '@tandem/notifications';
import { ProgrammesModule } from '@tandem/programmes';
import { StakeholdersModule } from '@tandem/stakeholders';
import { Request } from 'express';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { JwtStrategy } from './auth/jwt.strategy';
import { LocalStrategy } from './auth/local.strategy';
import { QueueDashboardAuth } from './admin/queue-dashboard.auth';
import { AdminController } from './controllers/admin.controller';
import { AuditController } from './controllers/audit.controller';
import { NotificationPreferencesController } from './controllers/notification-preferences.controller';
import { WebhooksController } from './controllers/webhooks.controller';
import { AuthController } from './controllers/auth.controller';
import { ConsultationsApiModule } from './controllers/consultations-api.module';
import { IndicatorsApiModule } from './controllers/indicators-api.module';
import { NotificationsController } from './controllers/notifications.controller';
import { ProgrammesController } from './controllers/programmes.controller';
import { TasksApiModule } from './controllers/tasks-api.module';
import { PlacementsApiModule } from './controllers/placements-api.module';
import { ReportsApiModule } from './controllers/reports-api.module';
import { InvitationsController } from './controllers/invitations.controller';
import { TerritoriesApiModule } from './territories/territories-api.module';
import { OrganizationsController } from './controllers/organizations.controller';
import { ETagInterceptor } from './http/etag.interceptor';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { ProblemFilter } from './http/problem.filter';
import { RequestContextMiddleware } from './http/request-context.middleware';
import { ResilientThrottlerStorage } from './http/resilient-throttler.storage';
import { createValidationPipe } from './http/validation.pipe';
import { HealthController } from './observability/health.controller';
import { HttpMetricsMiddleware } from './observability/http-metrics.middleware';
import { MetricsController } from './observability/metrics.controller';
import { MetricsService } from './observability/metrics.service';
import { ShutdownState } from './observability/shutdown-state';

const isLogin = (req: Request) => req.method === 'POST' && req.path === '/auth/login';

/** The HTTP API. Built from a validated configuration, so nothing here reads the environment. */
@Module({})
export class ApiModule implements NestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config),
        LoggingModule.forRoot(config, { http: true }),
        DatabaseModule,
        JobsModule,
        AuditModule,
        AuthModule,
        StakeholdersModule,
        NotificationsModule,
        ProgrammesModule,
        TasksApiModule,
        IndicatorsApiModule,
        ConsultationsApiModule,
        PlacementsApiModule,
        ReportsApiModule,
        TerritoriesApiModule,
        PassportModule,
        TerminusModule,
        ThrottlerModule.forRoot({
          throttlers: [
            { name: 'default', ttl: 60_000, limit: config.API_RATE_LIMIT },
            {
              // Sign-in attempts per client address and e-mail; the account lock-out is separate.
              name: 'login',
              ttl: 60_000,
              limit: config.LOGIN_RATE_LIMIT,
              skipIf: (ctx) => !isLogin(ctx.switchToHttp().getRequest<Request>()),
              getTracker: (req: Record<string, unknown>) => {
                const body = (req.body ?? {}) as { email?: unknown };
                return `${String(req.ip)}|${typeof body.email === 'string' ? body.email.toLowerCase() : ''}`;
              },
            },
          ],
          storage: new ResilientThrottlerStorage(config.REDIS_URL),
        }),
      ],
      controllers: [
        AuthController,
        NotificationsController,
        NotificationPreferencesController,
        WebhooksController,
        AdminController,
        ProgrammesController,
        InvitationsController,
        OrganizationsController,
        AuditController,
        HealthController,
        MetricsController,
      ],
      providers: [
        JwtStrategy,
        LocalStrategy,
        MetricsService,
        QueueDashboardAuth,
        ShutdownState,
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        // ETag outermost, so replayed idempotent responses carry it too.
        { provide: APP_INTERCEPTOR, useClass: ETagInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        // Order matters: rate limits first (cheap, and they protect sign-in), then authentication.
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware, HttpMetricsMiddleware).forRoutes('*path');
  }
}
