export * from './entities/audit-event.entity';
export * from './entities/programme-activity.entity';
export * from './audit.service';
export * from './audit-events.repository';
export * from './audit-query.service';
export * from './audit.module';
export * from './dto/list-audit-events.dto';
export * from './audit-event.view';
