import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins per account-and-source: the key is a SHA-256 of the lower-cased e-mail and the
 * client address, so failures from one address never block the account for anyone else, and an
 * e-mail that has no account is throttled exactly like one that has.
 */
@Entity('sign_in_throttles')
export class SignInThrottle {
  @PrimaryColumn({ type: 'char', length: 64, primaryKeyConstraintName: 'pk_sign_in_throttles' })
  key!: string;

  @Column({ type: 'int', default: 0 })
  failures!: number;

  @Column({ type: 'timestamptz', nullable: true })
  blockedUntil!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
