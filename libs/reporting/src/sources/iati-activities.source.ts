import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';

import { AppConfig, Actor } from '@tandem/core';
import { PartnerRole, ProgrammeAccessService, ProgrammeStatus } from '@tandem/programmes';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ProgressFn } from '../report-content';
import { RowCounter, write } from '../writers/sink';
import { cursorRows } from './cursor';
import { visibleProgrammesSql } from './visible-programmes';

export interface IatiParameters {
  programmeIds?: string[];
}

/**
 * Tandem partner role → IATI OrganisationRole. Advisors are listed as implementing (they deliver
 * part of the work: advice); observers take no part in delivery and are left out. Extending (3)
 * is never produced: Tandem does not record funds passed between partners.
 */
export const IATI_ROLE: Record<PartnerRole, number | null> = {
  [PartnerRole.Funder]: 1,
  [PartnerRole.Lead]: 2,
  [PartnerRole.Implementer]: 4,
  [PartnerRole.ServiceProvider]: 4,
  [PartnerRole.Advisor]: 4,
  [PartnerRole.Observer]: null,
};

/** Programme lifecycle → IATI ActivityStatus. */
export const IATI_ACTIVITY_STATUS: Record<ProgrammeStatus, number> = {
  [ProgrammeStatus.Draft]: 1, // pipeline/identification
  [ProgrammeStatus.Active]: 2, // implementation
  [ProgrammeStatus.Completed]: 3, // finalisation
  [ProgrammeStatus.Archived]: 4, // closed
  [ProgrammeStatus.Cancelled]: 5,
  [ProgrammeStatus.Suspended]: 6,
};

/** Organisation kind (and government level) → IATI OrganisationType. */
export function iatiOrganisationType(kind: string, level: string | null): number {
  switch (kind) {
    case 'government':
      return level === 'municipal' || level === 'local' ? 11 : 10;
    case 'employer':
      return 70;
    case 'civil_society':
    case 'migrant_association':
      return 22;
    default:
      return 90;
  }
}

/** DAC 5-digit sector of every programme: "Facilitation of orderly, safe, regular and responsible migration and mobility". */
export const DAC_MIGRATION_SECTOR = '15190';

export const xml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

const narrative = (text: string) => `<narrative>${xml(text)}</narrative>`;

interface ProgrammeRow {
  id: string;
  title: string;
  summary: string;
  status: ProgrammeStatus;
  start_date: string;
  end_date: string;
  country: string;
  budget_amount: string | null;
  budget_currency: string | null;
  dimensions: string[];
  updated_at: Date;
}

/** Splits 100 into n whole percentages that add up to exactly 100. */
export function percentages(n: number): number[] {
  const base = Math.floor(100 / n);
  return Array.from({ length: n }, (_, i) => (i < 100 - base * n ? base + 1 : base));
}

/**
 * iati_activities: the programmes the requester may see (or the listed ones) as an IATI 2.03
 * activity file, one `iati-activity` per programme, streamed programme by programme.
 * Identifiers: reporting-org ref = IATI_REPORTING_ORG_REF; an activity's iati-identifier is that
 * ref + "-" + the programme id; a participating organisation's ref is that ref + "-ORG-" + its id
 * (Tandem keeps no registered IATI identifiers of organisations).
 */
@Injectable()
export class IatiActivitiesSource {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProgrammeAccessService,
    private readonly config: AppConfig,
  ) {}

  async check(actor: Actor, p: IatiParameters): Promise<void> {
    for (const id of p.programmeIds ?? []) await this.access.load(actor, id);
  }

  async write(actor: Actor, p: IatiParameters, out: Writable, progress: ProgressFn): Promise<number> {
    await this.check(actor, p);
    const { sql: visible, params } = visibleProgrammesSql(this.dataSource, this.access, actor);
    const only = p.programmeIds?.length ? `AND p.id = ANY($${params.length + 1}::uuid[])` : '';
    const sql = `SELECT p.id, p.title, p.summary, p.status, to_char(p.start_date, 'YYYY-MM-DD') AS start_date,
                        to_char(p.end_date, 'YYYY-MM-DD') AS end_date, p.country, p.budget_amount::text AS budget_amount,
                        p.budget_currency, p.dimensions, p.updated_at
                   FROM programmes p WHERE p.id IN (${visible}) ${only} ORDER BY p.created_at, p.id`;
    const all = only ? [...params, p.programmeIds] : params;
    const ref = this.config.IATI_REPORTING_ORG_REF;
    const counter = new RowCounter(progress, 50);
    await write(
      out,
      `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="${new Date().toISOString()}">\n`,
    );
    for await (const row of cursorRows<ProgrammeRow>(this.dataSource, sql, all, 200)) {
      await write(out, await this.activity(row, ref));
      await counter.tick();
    }
    await write(out, '</iati-activities>\n');
    out.end();
    return counter.count;
  }

  private async activity(p: ProgrammeRow, ref: string): Promise<string> {
    const partners = await this.dataSource.query<
      { id: string; name: string; kind: string; level: string | null; role: PartnerRole }[]
    >(
      `SELECT o.id, o.name, o.kind, g.level, pp.role
         FROM programme_partners pp JOIN organizations o ON o.id = pp.organization_id
         LEFT JOIN government_profiles g ON g.organization_id = o.id
        WHERE pp.programme_id = $1 AND pp.status = 'active'
        ORDER BY CASE pp.role WHEN 'funder' THEN 1 WHEN 'lead' THEN 2 ELSE 4 END, o.name, o.id`,
      [p.id],
    );
    const indicators = await this.dataSource.query<
      {
        id: string;
        name: string;
        unit: string;
        dimension: string;
        baseline: string;
        target: string;
        direction: string;
        created_at: Date;
      }[]
    >(
      `SELECT id, name, unit, dimension, baseline::text, target::text, direction, created_at
         FROM indicators WHERE programme_id = $1 ORDER BY created_at, id`,
      [p.id],
    );
    const values = await this.dataSource.query<
      { indicator_id: string; period_start: string; period_end: string; value: string }[]
    >(
      `SELECT v.indicator_id, to_char(v.period_start, 'YYYY-MM-DD') AS period_start,
              to_char(v.period_end, 'YYYY-MM-DD') AS period_end, v.value::text AS value
         FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id
        WHERE i.programme_id = $1 ORDER BY v.period_start, v.id`,
      [p.id],
    );
    const parts: string[] = [];
    const currency = p.budget_currency?.trim();
    parts.push(
      `  <iati-activity last-updated-datetime="${new Date(p.updated_at).toISOString()}" xml:lang="en"${
        currency ? ` default-currency="${xml(currency)}"` : ''
      }>`,
      `    <iati-identifier>${xml(`${ref}-${p.id}`)}</iati-identifier>`,
      `    <reporting-org ref="${xml(ref)}" type="90">${narrative('Tandem')}</reporting-org>`,
      `    <title>${narrative(p.title)}</title>`,
      `    <description type="1">${narrative(p.summary || p.title)}</description>`,
    );
    for (const o of partners) {
      const role = IATI_ROLE[o.role];
      if (!role) continue;
      parts.push(
        `    <participating-org ref="${xml(`${ref}-ORG-${o.id}`)}" role="${role}" type="${iatiOrganisationType(o.kind, o.level)}">${narrative(o.name)}</participating-org>`,
      );
    }
    parts.push(
      `    <activity-status code="${IATI_ACTIVITY_STATUS[p.status]}"/>`,
      `    <activity-date iso-date="${p.start_date}" type="1"/>`,
      `    <activity-date iso-date="${p.end_date}" type="3"/>`,
      `    <recipient-country code="${xml(p.country.trim())}" percentage="100"/>`,
      `    <sector vocabulary="1" code="${DAC_MIGRATION_SECTOR}" percentage="100"/>`,
    );
    // The integration dimensions as the reporting organisation's own sector vocabulary (99).
    const shares = percentages(p.dimensions.length || 1);
    p.dimensions.forEach((d, i) =>
      parts.push(
        `    <sector vocabulary="99" code="${xml(d)}" percentage="${shares[i]}">${narrative(`Integration: ${d}`)}</sector>`,
      ),
    );
    if (p.budget_amount !== null && currency) {
      parts.push(
        `    <budget type="1" status="1">`,
        `      <period-start iso-date="${p.start_date}"/>`,
        `      <period-end iso-date="${p.end_date}"/>`,
        `      <value currency="${xml(currency)}" value-date="${p.start_date}">${p.budget_amount}</value>`,
        `    </budget>`,
      );
    }
    for (const i of indicators) {
      const year = new Date(i.created_at).getUTCFullYear();
      parts.push(
        `    <result type="1" aggregation-status="0">`,
        `      <title>${narrative(i.name)}</title>`,
        `      <indicator measure="1" ascending="${i.direction === 'decrease' ? 0 : 1}">`,
        `        <title>${narrative(`${i.name} (${i.unit})`)}</title>`,
        `        <baseline year="${year}" value="${Number(i.baseline)}"/>`,
      );
      for (const v of values.filter((x) => x.indicator_id === i.id)) {
        parts.push(
          `        <period>`,
          `          <period-start iso-date="${v.period_start}"/>`,
          `          <period-end iso-date="${v.period_end}"/>`,
          `          <target value="${Number(i.target)}"/>`,
          `          <actual value="${Number(v.value)}"/>`,
          `        </period>`,
        );
      }
      parts.push(`      </indicator>`, `    </result>`);
    }
    parts.push(`  </iati-activity>`);
    return parts.join('\n') + '\n';
  }
}
