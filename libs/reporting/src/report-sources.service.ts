import { Actor } from '@tandem/core';
import { Injectable } from '@nestjs/common';

import { Writable } from 'node:stream';
import { ReportFormat, ReportKind } from './entities';
import { ContentOptions, ProgressFn, ReportContent } from './report-content';
import { ConsultationSource } from './sources/consultation.source';
import { CoverageSource } from './sources/coverage.source';
import { GoodIdeasSource } from './sources/good-ideas.source';
import { IatiActivitiesSource, IatiParameters } from './sources/iati-activities.source';
import { PartnershipMatrixSource } from './sources/partnership-matrix.source';
import { PlacementsSource } from './sources/placements.source';
import { ProgrammeProgressSource } from './sources/programme-progress.source';
import { CoherenceSource } from './sources/coherence.source';
import { TerritoryComparisonSource } from './sources/territory-comparison.source';
import { writeCsv } from './writers/csv.writer';
import { writeJson } from './writers/json.writer';
import { writePdf } from './writers/pdf.writer';
import { writeXlsx } from './writers/xlsx.writer';

type Params = Record<string, unknown>;

/**
 * A source written through a ReportContent: the access check and the content, each given the
 * report's parameters (validated against the kind when it was requested).
 */
interface TabularSource {
  check(actor: Actor, parameters: object): Promise<void>;
  content(actor: Actor, parameters: object, options?: ContentOptions): Promise<ReportContent>;
}

/** Dispatches a report kind to its source (what the requester may see) and a format to its writer. */
@Injectable()
export class ReportSources {
  /** Every kind but IATI, which writes its own XML. */
  private readonly tabular: Record<Exclude<ReportKind, ReportKind.IatiActivities>, TabularSource>;

  constructor(
    programmeProgress: ProgrammeProgressSource,
    placements: PlacementsSource,
    consultation: ConsultationSource,
    matrix: PartnershipMatrixSource,
    coverage: CoverageSource,
    private readonly iati: IatiActivitiesSource,
    goodIdeas: GoodIdeasSource,
    territoryComparison: TerritoryComparisonSource,
    coherenceMatrix: CoherenceSource,
  ) {
    this.tabular = {
      [ReportKind.ProgrammeProgress]: programmeProgress,
      [ReportKind.Placements]: placements,
      [ReportKind.Consultation]: consultation,
      [ReportKind.PartnershipMatrix]: matrix,
      [ReportKind.Coverage]: coverage,
      [ReportKind.GoodIdeas]: goodIdeas,
      [ReportKind.TerritoryComparison]: territoryComparison,
      [ReportKind.Coherence]: coherenceMatrix,
    };
  }

  /** Throws the domain's 404/403 when the actor may not see what the report would show. */
  async check(actor: Actor, kind: ReportKind, p: Params): Promise<void> {
    if (kind === ReportKind.IatiActivities) return this.iati.check(actor, p as IatiParameters);
    return this.tabular[kind].check(actor, p);
  }

  /** Writes the whole file into `out` (and ends it); returns the number of rows written. */
  async write(
    actor: Actor,
    report: { id: string; kind: ReportKind; format: ReportFormat; parameters: Params },
    out: Writable,
    progress: ProgressFn,
    onTotal: (total: number) => Promise<void>,
  ): Promise<number> {
    if (report.kind === ReportKind.IatiActivities)
      return this.iati.write(actor, report.parameters, out, progress);
    const content = await this.tabular[report.kind].content(actor, report.parameters, {
      csv: report.format === ReportFormat.Csv,
    });
    try {
      if (content.totalRows !== undefined) await onTotal(content.totalRows);
      return await this.writeContent(report, content, out, progress);
    } finally {
      await content.dispose?.();
    }
  }

  private async writeContent(
    report: { id: string; kind: ReportKind; format: ReportFormat; parameters: Params },
    content: ReportContent,
    out: Writable,
    progress: ProgressFn,
  ): Promise<number> {
    switch (report.format) {
      case ReportFormat.Csv:
        return writeCsv(content, out, progress);
      case ReportFormat.Json:
        return writeJson(content, out, progress, {
          reportId: report.id,
          kind: report.kind,
          parameters: report.parameters,
          generatedAt: new Date().toISOString(),
        });
      case ReportFormat.Xlsx:
        return writeXlsx(content, out, progress);
      case ReportFormat.Pdf:
        return writePdf(content, out, progress);
      case ReportFormat.Xml:
        throw new Error(`${report.kind} does not come in xml`);
    }
  }
}
