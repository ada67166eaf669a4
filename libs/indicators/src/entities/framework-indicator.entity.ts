import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { IndicatorFramework, Multilingual } from './indicator-framework.entity';

/** Which way is better for the migrant value: `increase` = higher is better. Same words as programme indicators. */
export enum MeasureDirection {
  Increase = 'increase',
  Decrease = 'decrease',
}

/** `gap`: compared with a host population (migrant − host); `plain`: migrants only (e.g. naturalisation rate). */
export enum MeasureKind {
  Plain = 'plain',
  Gap = 'gap',
}

export enum DataSourceKind {
  Census = 'census',
  LabourForceSurvey = 'labour_force_survey',
  Administrative = 'administrative',
  Survey = 'survey',
}

/** One indicator of a framework. Read-only: seeded by migration. */
@Entity('framework_indicators')
@Index('idx_framework_indicators_framework', ['frameworkCode', 'position'])
export class FrameworkIndicator {
  /** `<framework>:<local code>`, e.g. `eu-zaragoza:employment-rate`, `sdg:8.5.2`. */
  @PrimaryColumn({ type: 'varchar', length: 80 })
  code!: string;

  @Column({ type: 'varchar', length: 30 })
  frameworkCode!: string;

  @ManyToOne(() => IndicatorFramework, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'framework_code', foreignKeyConstraintName: 'fk_framework_indicators_framework' })
  framework?: IndicatorFramework;

  @Column({ type: 'int' })
  position!: number;

  /** The framework's own heading (e.g. "employment", "social inclusion"). */
  @Column({ type: 'varchar', length: 60 })
  domain!: string;

  /** Tandem's integration dimension (INTEGRATION_DIMENSIONS), so programmes and bank questions line up. */
  @Column({ type: 'varchar', length: 20 })
  dimension!: string;

  @Column({ type: 'jsonb' })
  name!: Multilingual;

  @Column({ type: 'jsonb' })
  definition!: Multilingual;

  @Column({ type: 'varchar', length: 40 })
  unit!: string;

  @Column({ type: 'varchar', length: 8 })
  direction!: MeasureDirection;

  @Column({ type: 'varchar', length: 8 })
  kind!: MeasureKind;

  /** Who the migrant value is compared with, e.g. "native-born population aged 20–64"; null for plain. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  comparisonPopulation!: string | null;

  @Column({ type: 'varchar', length: 24 })
  dataSource!: DataSourceKind;
}
