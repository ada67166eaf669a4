import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last time a user changed one of a programme's records (its tasks, their comments, its
 * indicator values, its partnerships), as the audit trail says: the dashboard's "last activity" per
 * partner is the latest of its current members' figures. Written by PostgreSQL itself, from every
 * audit row at the commit of the transaction that wrote it (constraint trigger
 * `trg_audit_events_programme_activity`, migration 1796700000000-ProgrammeActivity), so no write
 * path can forget it and it commits with the change or not at all. Never written by the app.
 */
@Entity('programme_activity')
export class ProgrammeActivity {
  @PrimaryColumn('uuid')
  programmeId!: string;

  @PrimaryColumn('uuid')
  userId!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  lastActivityAt!: Date;
}
