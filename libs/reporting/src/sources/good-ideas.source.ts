import { Injectable } from '@nestjs/common';
import { GoodIdeasRepository } from '@tandem/good-ideas';
import { columns, fromArray, ReportContent, Row } from '../report-content';

/**
 * good_ideas: the published catalogue, one row per idea with its four criteria ratings, its
 * endorsements and where it has been adapted. Published ideas are public, so anyone signed in may
 * request it; unpublished ideas never appear, and no person does.
 */
@Injectable()
export class GoodIdeasSource {
  constructor(private readonly ideas: GoodIdeasRepository) {}

  async check(): Promise<void> {
    // Public content: nothing to refuse.
  }

  async content(): Promise<ReportContent> {
    const rows = await this.ideas.publishedReportRows(this.ideas.manager);
    const rated = rows.filter((r) => r.practical !== null);
    const mean = (k: 'practical' | 'innovative' | 'successful' | 'transferable') =>
      rated.length ? Math.round((rated.reduce((s, r) => s + (r[k] ?? 0), 0) / rated.length) * 10) / 10 : null;
    return {
      title: 'Good ideas: the published catalogue',
      facts: [
        ['Published ideas', rows.length],
        ['Countries', new Set(rows.map((r) => r.country)).size],
        ['Endorsements', rows.reduce((s, r) => s + r.endorsements, 0)],
        ['Adaptations', rows.reduce((s, r) => s + r.adaptations, 0)],
        ['Mean rating: practical', mean('practical')],
        ['Mean rating: innovative', mean('innovative')],
        ['Mean rating: successful', mean('successful')],
        ['Mean rating: transferable', mean('transferable')],
      ],
      sections: [
        {
          name: 'ideas',
          title: 'Published good ideas',
          columns: columns({
            title: 'Title',
            organization: 'Organisation',
            city: 'City',
            country: 'Country',
            published_on: 'Published',
            practical: 'Practical',
            innovative: 'Innovative',
            successful: 'Successful',
            transferable: 'Transferable',
            endorsements: 'Endorsements',
            adaptations: 'Adaptations',
            adapted_in: 'Adapted in',
            themes: 'Themes',
            dimensions: 'Dimensions',
            partner_kinds: 'Partner kinds',
            languages: 'Languages',
            slug: 'Slug',
          }),
          rows: () => fromArray(rows as unknown as Row[]),
          charts: [
            {
              title: 'Adaptations per idea',
              categories: rows.map((r) => r.title.slice(0, 30)),
              series: [{ name: 'adaptations', values: rows.map((r) => r.adaptations) }],
            },
          ],
        },
      ],
      totalRows: rows.length,
    };
  }
}
