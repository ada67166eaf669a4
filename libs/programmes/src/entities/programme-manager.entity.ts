import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Programme } from './programme.entity';

/** A member of the lead organisation named programme manager by one of its org admins. */
@Entity('programme_managers')
export class ProgrammeManager {
  @PrimaryColumn('uuid')
  programmeId!: string;

  @PrimaryColumn('uuid')
  userId!: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'fk_programme_managers_programme' })
  programme?: Programme;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_programme_managers_user' })
  user?: unknown;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
