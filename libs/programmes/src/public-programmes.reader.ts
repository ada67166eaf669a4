import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrganizationsRepository } from '@tandem/stakeholders';
import { DataSource } from 'typeorm';

/** What the public territory page shows of a listed programme (issue 20): no ids, no internal work. */
export interface PublicProgramme {
  title: string;
  dimensions: string[];
  sdgTargets: string[];
  gcmObjectives: number[];
  /** Active partners (the lead included) counted by organisation kind. */
  partnersByKind: { kind: string; count: number }[];
}

/**
 * Read-only, for the public pages: programmes whose lead listed them publicly, while active, in a
 * territory or under it; and the programmes on a dimension (the public consultations' filter).
 */
@Injectable()
export class PublicProgrammesReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsRepository,
  ) {}

  async listedWithin(territoryCode: string): Promise<PublicProgramme[]> {
    const em = this.dataSource.manager;
    const rows: {
      id: string;
      title: string;
      dimensions: string[];
      sdg_targets: string[];
      gcm_objectives: number[];
    }[] = await em.query(
      `SELECT id, title, dimensions, sdg_targets, gcm_objectives FROM programmes
        WHERE listed_publicly AND status = 'active'
          AND (territory_code = $1 OR territory_code LIKE $1 || '-%')
        ORDER BY title, id`,
      [territoryCode],
    );
    if (!rows.length) return [];
    const partners: { programme_id: string; organization_id: string }[] = await em.query(
      `SELECT programme_id, organization_id FROM programme_partners
        WHERE programme_id = ANY($1::uuid[]) AND status = 'active'`,
      [rows.map((r) => r.id)],
    );
    const kinds = await this.organizations.summaries(partners.map((p) => p.organization_id));
    return rows.map((r) => {
      const byKind = new Map<string, number>();
      for (const p of partners.filter((x) => x.programme_id === r.id)) {
        const kind = kinds.get(p.organization_id)?.kind ?? 'unknown';
        byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
      }
      return {
        title: r.title,
        dimensions: r.dimensions,
        sdgTargets: r.sdg_targets,
        gcmObjectives: r.gcm_objectives,
        partnersByKind: [...byKind.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([kind, count]) => ({ kind, count })),
      };
    });
  }

  /** Ids of the programmes working on a dimension (any status). */
  async onDimension(dimension: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.manager.query(
      `SELECT id FROM programmes WHERE $1 = ANY(dimensions)`,
      [dimension],
    );
    return rows.map((r) => r.id);
  }
}
