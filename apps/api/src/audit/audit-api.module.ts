import { Module } from '@nestjs/common';
import { AuditModule } from '@tandem/audit';
import { AuthModule } from '@tandem/auth';
import { AuditController } from './audit.controller';
import { AuditTrailService } from './audit-trail.service';

/** HTTP routes of the audit trail. */
@Module({
  imports: [AuditModule, AuthModule],
  controllers: [AuditController],
  providers: [AuditTrailService],
})
export class AuditApiModule {}
