import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AuditModule } from '@tandem/audit';
import { AuthModule } from '@tandem/auth';
import { AppConfig, CoreModule, JobsModule, LoggingModule, TracingShutdown } from '@tandem/core';
import { DatabaseModule } from '@tandem/database';
import { NotificationsModule } from '@tandem/notifications';
import { ProgrammesModule } from '@tandem/programmes';
import { StakeholdersModule } from '@tandem/stakeholders';
import { Request } from 'express';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { JwtStrategy } from './auth/jwt.strategy';
import { LocalStrategy } from './auth/local.strategy';
import { AdminApiModule } from './admin/admin-api.module';
import { AuditApiModule } from './audit/audit-api.module';
import { AuthApiModule } from './auth/auth-api.module';
import { ConsultationsApiModule } from './consultations/consultations-api.module';
import { IndicatorsApiModule } from './indicators/indicators-api.module';
import { NotificationsApiModule } from './notifications/notifications-api.module';
import { OrganizationsApiModule } from './organizations/organizations-api.module';
import { PlacementsApiModule } from './placements/placements-api.module';
import { ProgrammesApiModule } from './programmes/programmes-api.module';
import { ReportsApiModule } from './reports/reports-api.module';
import { TasksApiModule } from './tasks/tasks-api.module';
import { WebhooksApiModule } from './webhooks/webhooks-api.module';
import { GoodIdeasApiModule } from './good-ideas/good-ideas-api.module';
import { TerritoriesApiModule } from './territories/territories-api.module';
import { PublicApiModule } from './public/public-api.module';
import { ETagInterceptor } from './http/etag.interceptor';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { ReadCacheInterceptor } from './http/read-cache.interceptor';
import { InputHygieneMiddleware } from './http/input-hygiene.middleware';
import { PathParamsGuard } from './http/path-params.guard';
import { UnexpectedBodyGuard } from './http/unexpected-body.guard';
import { ProblemFilter } from './http/problem.filter';
import { RequestContextMiddleware } from './http/request-context.middleware';
import { ResilientThrottlerStorage, throttlerKey } from './http/resilient-throttler.storage';
import { createValidationPipe } from './http/validation.pipe';
import { HealthController } from './observability/health.controller';
import { HttpMetricsMiddleware } from './observability/http-metrics.middleware';
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
        AuthApiModule,
        AdminApiModule,
        AuditApiModule,
        NotificationsApiModule,
        WebhooksApiModule,
        OrganizationsApiModule,
        ProgrammesApiModule,
        TasksApiModule,
        IndicatorsApiModule,
        ConsultationsApiModule,
        PlacementsApiModule,
        ReportsApiModule,
        GoodIdeasApiModule,
        TerritoriesApiModule,
        PublicApiModule,
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
          generateKey: throttlerKey,
        }),
      ],
      controllers: [HealthController],
      providers: [
        JwtStrategy,
        LocalStrategy,
        MetricsService,
        ShutdownState,
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        // ETag outermost, so replayed idempotent responses carry it too.
        { provide: APP_INTERCEPTOR, useClass: ETagInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        // Innermost: a write's cached reads are dropped everywhere once its handler has finished.
        { provide: APP_INTERCEPTOR, useClass: ReadCacheInterceptor },
        // Order matters: rate limits first (cheap, and they protect sign-in), then authentication.
        // Path ids are checked before anything else, so nothing downstream meets a malformed one.
        { provide: APP_GUARD, useClass: PathParamsGuard },
        { provide: APP_GUARD, useClass: UnexpectedBodyGuard },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        TracingShutdown,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware, HttpMetricsMiddleware).forRoutes('*path');
    consumer.apply(InputHygieneMiddleware).forRoutes('*path');
  }
}
