import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@tandem/core';
import {
  CoverageCell,
  INTEGRATION_DIMENSIONS,
  ProgrammeAccessService,
  ProgrammeCoverageReader,
} from '@tandem/programmes';
import { DataSource } from 'typeorm';
import { fromArray, ReportContent, Row } from '../report-content';
import { visibleProgrammesSql } from './visible-programmes';

/** The 23 objectives of the Global Compact for Safe, Orderly and Regular Migration. */
export const GCM_OBJECTIVES = 23;

type CoverageRow = CoverageCell;

/**
 * coverage: programmes and their (active) partner organisations by SDG target, by Global Compact
 * for Migration objective (all 23, so objectives no programme serves show as gaps) and by
 * integration dimension (all of them, gaps included), over every programme the requester may see.
 * Counted by PostgreSQL.
 */
@Injectable()
export class CoverageSource {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProgrammeAccessService,
    private readonly coverageOf: ProgrammeCoverageReader,
  ) {}

  async check(): Promise<void> {
    // Every signed-in user may ask; the figures cover whatever programmes they can see.
  }

  async content(actor: Actor): Promise<ReportContent> {
    const {
      total,
      gcm,
      dimensions: dims,
      sdg,
    } = await this.coverageOf.coverage(
      this.dataSource.manager,
      visibleProgrammesSql(this.dataSource, this.access, actor),
      INTEGRATION_DIMENSIONS,
      GCM_OBJECTIVES,
    );
    const rows = (cells: CoverageRow[], label: string): Row[] =>
      cells.map((c) => ({
        [label]: c.key,
        programmes: c.programmes,
        partners: c.partners,
        gap: c.programmes === 0,
        programmeTitles: c.titles ?? '',
      }));
    const columns = (label: string, header: string) => [
      { key: label, header },
      { key: 'programmes', header: 'Programmes' },
      { key: 'partners', header: 'Partner organisations' },
      { key: 'gap', header: 'Gap' },
      { key: 'programmeTitles', header: 'Programmes serving it' },
    ];
    const gaps = gcm.filter((g) => g.programmes === 0).map((g) => g.key);
    return {
      title: 'Coverage: SDG targets, Global Compact for Migration objectives, integration dimensions',
      facts: [
        ['Programmes', total],
        ['GCM objectives served', GCM_OBJECTIVES - gaps.length],
        ['GCM objectives with no programme (gaps)', gaps.join(', ')],
        [
          'Integration dimensions with no programme',
          dims
            .filter((d) => d.programmes === 0)
            .map((d) => d.key)
            .join(', '),
        ],
      ],
      sections: [
        {
          name: 'gcm_objectives',
          title: 'Global Compact for Migration objectives',
          columns: columns('gcmObjective', 'GCM objective'),
          rows: () =>
            fromArray(rows(gcm, 'gcmObjective').map((r) => ({ ...r, gcmObjective: Number(r.gcmObjective) }))),
          charts: [
            {
              title: 'Programmes per GCM objective (0 = gap)',
              categories: gcm.map((g) => `Objective ${g.key}`),
              series: [{ name: 'programmes', values: gcm.map((g) => g.programmes) }],
            },
          ],
        },
        {
          name: 'sdg_targets',
          title: 'SDG targets',
          columns: columns('sdgTarget', 'SDG target'),
          rows: () => fromArray(rows(sdg, 'sdgTarget')),
          charts: sdg.length
            ? [
                {
                  title: 'Programmes and partners per SDG target',
                  categories: sdg.map((s) => `SDG ${s.key}`),
                  series: [
                    { name: 'programmes', values: sdg.map((s) => s.programmes) },
                    { name: 'partners', values: sdg.map((s) => s.partners) },
                  ],
                },
              ]
            : [],
        },
        {
          name: 'dimensions',
          title: 'Integration dimensions',
          columns: columns('dimension', 'Integration dimension'),
          rows: () => fromArray(rows(dims, 'dimension')),
          charts: [
            {
              title: 'Programmes and partners per integration dimension',
              categories: dims.map((d) => d.key),
              series: [
                { name: 'programmes', values: dims.map((d) => d.programmes) },
                { name: 'partners', values: dims.map((d) => d.partners) },
              ],
            },
          ],
        },
      ],
    };
  }
}
