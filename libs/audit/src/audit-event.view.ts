import { ApiProperty } from '@nestjs/swagger';
import { AuditAction, FieldChange } from './entities/audit-event.entity';

export const AUDIT_ACTIONS: readonly AuditAction[] = ['create', 'update', 'delete'];

/** One changed field: its value before and after (absent on creation or deletion). */
export const FIELD_CHANGES = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    properties: { before: { description: 'Any JSON value' }, after: { description: 'Any JSON value' } },
  },
  description: 'Changed fields by name: `{before, after}`',
} as const;

/** A row of the audit trail. */
export class AuditEventView {
  id!: string;
  occurredAt!: Date;
  /** Null for the system itself (bootstrap, seed, background jobs). */
  actorUserId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The name of who acted; null for the system itself',
  })
  actorName!: string | null;
  @ApiProperty({ enum: AUDIT_ACTIONS })
  action!: AuditAction;
  entityType!: string;
  entityId!: string;
  @ApiProperty(FIELD_CHANGES)
  changes!: Record<string, FieldChange>;
  requestId!: string | null;
}
