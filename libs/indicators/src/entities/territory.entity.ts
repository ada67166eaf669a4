import { TerritoryKind } from '@tandem/core';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** A country, an ISO 3166-2 subdivision or a city, by code (see TERRITORY_CODE_PATTERN). */
@Entity('territories')
@Index('idx_territories_parent', ['parentCode'])
export class Territory {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 12 })
  kind!: TerritoryKind;

  @Column({ type: 'char', length: 2 })
  country!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  parentCode!: string | null;

  @ManyToOne(() => Territory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_code', foreignKeyConstraintName: 'fk_territories_parent' })
  parent?: Territory;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
