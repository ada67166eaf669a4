import { Injectable } from '@nestjs/common';
import { RequestContext } from '@tandem/core';
import { EntityManager } from 'typeorm';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditAction, FieldChange } from './entities/audit-event.entity';

/** Fields that never enter the audit trail, whatever entity they sit on. */
const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash']);
/** Bookkeeping fields whose change is not news. */
const NOISE_FIELDS = new Set(['updatedAt', 'version']);

type Snapshot = Record<string, unknown>;

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** Field-by-field difference of two snapshots; secrets are marked, never copied. */
export function diffSnapshots(before: Snapshot | null, after: Snapshot | null): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (NOISE_FIELDS.has(key)) continue;
    const b = normalise(before?.[key]);
    const a = normalise(after?.[key]);
    if (before && after && JSON.stringify(b) === JSON.stringify(a)) continue;
    const change: FieldChange = {};
    if (before) change.before = SECRET_FIELDS.has(key) ? '[redacted]' : (b ?? null);
    if (after) change.after = SECRET_FIELDS.has(key) ? '[redacted]' : (a ?? null);
    changes[key] = change;
  }
  return changes;
}

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: Snapshot | null;
  after?: Snapshot | null;
  /** Overrides the actor taken from the request (for example the user an invitation just created). */
  actorUserId?: string | null;
}

/** Writes the audit row of a change, inside the change's own transaction. */
@Injectable()
export class AuditService {
  constructor(private readonly events: AuditEventsRepository) {}

  async record(em: EntityManager, entry: AuditEntry): Promise<void> {
    const ctx = RequestContext.get();
    await this.events.insert(em, {
      actorUserId: entry.actorUserId !== undefined ? entry.actorUserId : (ctx.actorUserId ?? null),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      changes: diffSnapshots(entry.before ?? null, entry.after ?? null),
      requestId: ctx.requestId ?? null,
    });
  }
}
