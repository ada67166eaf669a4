import { Actor } from '@tandem/core';
import { Injectable } from '@nestjs/common';
import { CoherenceService } from '@tandem/indicators';
import { columns, fromArray, ReportContent, Row } from '../report-content';

/**
 * coherence: the policy-coherence matrix of a territory (GET /territories/{code}/coherence as a
 * file): the filled cells with their programmes and partners, and the empty cells listed as gaps.
 * Programmes are those the requester may read, exactly as on screen.
 */
@Injectable()
export class CoherenceSource {
  constructor(private readonly coherence: CoherenceService) {}

  async check(actor: Actor, p: { territoryCode: string }): Promise<void> {
    await this.coherence.matrix(actor, p.territoryCode);
  }

  async content(actor: Actor, p: { territoryCode: string }): Promise<ReportContent> {
    const m = await this.coherence.matrix(actor, p.territoryCode);
    const filled: Row[] = m.cells
      .filter((c) => !c.empty)
      .flatMap((c) =>
        c.programmes.map((prog) => ({
          level: c.level,
          policyArea: c.policyArea,
          dimension: c.dimension,
          programme: prog.title,
          mainstreaming: prog.mainstreaming,
          partners: prog.partners.map((x) => `${x.name} (${x.level ?? x.kind})`).join('; '),
        })),
      );
    const empty: Row[] = m.cells
      .filter((c) => c.empty)
      .map((c) => ({ level: c.level, policyArea: c.policyArea, dimension: c.dimension }));
    return {
      title: `Policy coherence: ${m.territory.name}`,
      facts: [
        ['Territory', `${m.territory.name} (${m.territory.code})`],
        ['Programmes', m.programmeCount],
        ['Mainstreaming programmes', m.mainstreamingCount],
        ['Cells', m.cells.length],
        ['Empty cells', m.emptyCellCount],
      ],
      totalRows: filled.length + empty.length,
      sections: [
        {
          name: 'cells',
          title: 'Who acts where: level × policy area × dimension',
          columns: columns({
            level: 'Government level',
            policyArea: 'Policy area',
            dimension: 'Dimension',
            programme: 'Programme',
            mainstreaming: 'Mainstreaming',
            partners: 'Partners',
          }),
          rows: () => fromArray(filled),
        },
        {
          name: 'gaps',
          title: 'Empty cells: no programme',
          columns: columns({ level: 'Government level', policyArea: 'Policy area', dimension: 'Dimension' }),
          rows: () => fromArray(empty),
        },
      ],
    };
  }
}
