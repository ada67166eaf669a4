import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Text in several languages, keyed by ISO 639-1 code; English is always present. */
export type Multilingual = Record<string, string>;

/** A published set of integration indicators (EU Zaragoza 2011, OECD/EU Settling In, …). Read-only: seeded by migration. */
@Entity('indicator_frameworks')
export class IndicatorFramework {
  /** e.g. `eu-zaragoza`, `sdg`. */
  @PrimaryColumn({ type: 'varchar', length: 30 })
  code!: string;

  @Column({ type: 'jsonb' })
  name!: Multilingual;

  @Column({ type: 'varchar', length: 200 })
  publisher!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  url!: string | null;

  @Column({ type: 'jsonb' })
  description!: Multilingual;
}
