import { Injectable } from '@nestjs/common';
import { GoodIdeasRepository } from '@tandem/good-ideas';
import { fromArray, ReportContent, Row } from '../report-content';

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
          columns: [
            { key: 'title', header: 'Title' },
            { key: 'organization', header: 'Organisation' },
            { key: 'city', header: 'City' },
            { key: 'country', header: 'Country' },
            { key: 'published_on', header: 'Published' },
            { key: 'practical', header: 'Practical' },
            { key: 'innovative', header: 'Innovative' },
            { key: 'successful', header: 'Successful' },
            { key: 'transferable', header: 'Transferable' },
            { key: 'endorsements', header: 'Endorsements' },
            { key: 'adaptations', header: 'Adaptations' },
            { key: 'adapted_in', header: 'Adapted in' },
            { key: 'themes', header: 'Themes' },
            { key: 'dimensions', header: 'Dimensions' },
            { key: 'partner_kinds', header: 'Partner kinds' },
            { key: 'languages', header: 'Languages' },
            { key: 'slug', header: 'Slug' },
          ],
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
