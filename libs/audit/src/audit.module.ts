import { Global, Module } from '@nestjs/common';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditQueryService } from './audit-query.service';
import { AuditService } from './audit.service';
import { DomainWrite } from './domain-write';

@Global()
@Module({
  providers: [AuditEventsRepository, AuditService, AuditQueryService, DomainWrite],
  exports: [AuditService, AuditQueryService, DomainWrite],
})
export class AuditModule {}
