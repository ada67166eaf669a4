import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_ACTIONS, AuditAction, FIELD_CHANGES, FieldChange } from '@tandem/audit';

export class TaskHistoryEntry {
  id!: string;
  occurredAt!: Date;
  /** `task` for the task itself, `task_comment` for a comment on it. */
  entityType!: string;
  entityId!: string;
  @ApiProperty({ enum: AUDIT_ACTIONS })
  action!: AuditAction;
  actorUserId!: string | null;
  /** Null for the system itself (background jobs). */
  actorName!: string | null;
  @ApiProperty(FIELD_CHANGES)
  changes!: Record<string, FieldChange>;
}
