import { Actor } from '@tandem/core';
import { Injectable } from '@nestjs/common';

import { Writable } from 'node:stream';
import { ReportFormat, ReportKind } from './entities';
import { ProgressFn, ReportContent } from './report-content';
import { ConsultationSource } from './sources/consultation.source';
import { CoverageSource } from './sources/coverage.source';
import { GoodIdeasSource } from './sources/good-ideas.source';
import { IatiActivitiesSource, IatiParameters } from './sources/iati-activities.source';
import { PartnershipMatrixSource } from './sources/partnership-matrix.source';
import { PlacementsParameters, PlacementsSource } from './sources/placements.source';
import { ProgrammeProgressSource } from './sources/programme-progress.source';
import { CoherenceSource } from './sources/coherence.source';
import {
  TerritoryComparisonParameters,
  TerritoryComparisonSource,
} from './sources/territory-comparison.source';
import { writeCsv } from './writers/csv.writer';
import { writeJson } from './writers/json.writer';
import { writePdf } from './writers/pdf.writer';
import { writeXlsx } from './writers/xlsx.writer';

type Params = Record<string, unknown>;

/** Dispatches a report kind to its source (what the requester may see) and a format to its writer. */
@Injectable()
export class ReportSources {
  constructor(
    private readonly programmeProgress: ProgrammeProgressSource,
    private readonly placements: PlacementsSource,
    private readonly consultation: ConsultationSource,
    private readonly matrix: PartnershipMatrixSource,
    private readonly coverage: CoverageSource,
    private readonly iati: IatiActivitiesSource,
    private readonly goodIdeas: GoodIdeasSource,
    private readonly territoryComparison: TerritoryComparisonSource,
    private readonly coherenceMatrix: CoherenceSource,
  ) {}

  /** Throws the domain's 404/403 when the actor may not see what the report would show. */
  async check(actor: Actor, kind: ReportKind, p: Params): Promise<void> {
    switch (kind) {
      case ReportKind.ProgrammeProgress:
        return this.programmeProgress.check(actor, p as { programmeId: string });
      case ReportKind.Placements:
        return this.placements.check(actor, p as PlacementsParameters);
      case ReportKind.Consultation:
        return this.consultation.check(actor, p as { consultationId: string });
      case ReportKind.PartnershipMatrix:
        return this.matrix.check();
      case ReportKind.Coverage:
        return this.coverage.check();
      case ReportKind.IatiActivities:
        return this.iati.check(actor, p as IatiParameters);
      case ReportKind.GoodIdeas:
        return this.goodIdeas.check();
      case ReportKind.TerritoryComparison:
        return this.territoryComparison.check(actor, p as unknown as TerritoryComparisonParameters);
      case ReportKind.Coherence:
        return this.coherenceMatrix.check(actor, p as { territoryCode: string });
    }
  }

  private content(
    actor: Actor,
    kind: Exclude<ReportKind, ReportKind.IatiActivities>,
    p: Params,
  ): Promise<ReportContent> {
    switch (kind) {
      case ReportKind.ProgrammeProgress:
        return this.programmeProgress.content(actor, p as { programmeId: string });
      case ReportKind.Placements:
        return this.placements.content(actor, p as PlacementsParameters);
      case ReportKind.Consultation:
        return this.consultation.content(actor, p as { consultationId: string });
      case ReportKind.PartnershipMatrix:
        return this.matrix.content(actor);
      case ReportKind.Coverage:
        return this.coverage.content(actor);
      case ReportKind.GoodIdeas:
        return this.goodIdeas.content();
      case ReportKind.TerritoryComparison:
        return this.territoryComparison.content(actor, p as unknown as TerritoryComparisonParameters);
      case ReportKind.Coherence:
        return this.coherenceMatrix.content(actor, p as { territoryCode: string });
    }
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
    const content = await this.content(actor, report.kind, report.parameters);
    if (content.totalRows !== undefined) await onTotal(content.totalRows);
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
