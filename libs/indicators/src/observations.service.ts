import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import { Actor, CoreError, flattenValidationErrors, validationFailed } from '@tandem/core';
import { plainToInstance } from 'class-transformer';
import { parse } from 'csv-parse/sync';
import { validateSync } from 'class-validator';
import { EntityManager } from 'typeorm';
import { ImportMode, ImportObservationsDto, RecordObservationDto } from './dto';
import { FrameworkIndicator, MeasureKind } from './entities';
import { IndicatorsError, IndicatorsErrorCode } from './indicators.errors';
import { MeasuringAuditEntity } from './indicators.events';
import { MeasuringAccessService } from './measuring-access.service';
import { MeasuringRepository } from './measuring.repository';
import {
  ImportRowErrorView,
  ObservationImportView,
  observationSnapshot,
  observationView,
  ObservationView,
} from './measuring.views';
import { TerritoriesService } from './territories.service';

/** Columns of an observations CSV (any order; the territory is the one in the path). */
export const OBSERVATION_COLUMNS = [
  'indicatorCode',
  'period',
  'migrantValue',
  'hostValue',
  'sampleSize',
  'smallSample',
  'source',
  'sourceUrl',
] as const;
export const OBSERVATION_IMPORT_MAX_ROWS = 5_000;
export const OBSERVATION_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

export interface UploadedCsvFile {
  buffer: Buffer;
  mimetype?: string;
  originalname?: string;
}

interface FieldProblem {
  field: string;
  message: string;
}

@Injectable()
export class ObservationsService {
  constructor(
    private readonly write: DomainWrite,
    private readonly repo: MeasuringRepository,
    private readonly territories: TerritoriesService,
    private readonly access: MeasuringAccessService,
  ) {}

  async list(territoryCode: string, framework?: string): Promise<ObservationView[]> {
    await this.territories.require(territoryCode);
    return (await this.repo.observationsOf(territoryCode, framework)).map(observationView);
  }

  /** Publishes one observation, or revises the one already published for that indicator and year. */
  async record(
    actor: Actor,
    territoryCode: string,
    dto: RecordObservationDto,
  ): Promise<{ view: ObservationView; created: boolean }> {
    await this.territories.require(territoryCode);
    return this.write.run(async (em) => {
      const organizationId = await this.access.publisherFor(em, actor, territoryCode, dto.organizationId);
      const indicators = await this.repo.indicatorsByCode([dto.indicatorCode], em);
      const problems = this.shapeProblems(dto, indicators.get(dto.indicatorCode));
      if (problems.length) throw validationFailed(problems);
      return this.writeObservation(em, actor, territoryCode, organizationId, dto);
    });
  }

  /**
   * Many observations from a CSV, validated row by row with the same rules as `record`. Problems
   * come back as `{row, column, reason}` (the header is row 1). all_or_nothing (default) writes
   * nothing if any row is bad; valid_rows writes the good ones. Either way one transaction.
   */
  async import(
    actor: Actor,
    territoryCode: string,
    dto: ImportObservationsDto,
    file: UploadedCsvFile | undefined,
  ): Promise<ObservationImportView> {
    await this.territories.require(territoryCode);
    if (!file) throw CoreError.invalid('file', 'is required: a CSV file in the multipart field "file"');
    if (
      file.originalname &&
      !/\.csv$/i.test(file.originalname) &&
      !/csv|text\/plain/.test(file.mimetype ?? '')
    )
      throw new IndicatorsError(
        IndicatorsErrorCode.ObservationImportNotCsv,
        'The file must be a CSV',
        'file',
      );
    let records: string[][];
    try {
      records = parse(file.buffer, {
        bom: true,
        skip_empty_lines: true,
        trim: true,
        relax_column_count: true,
      });
    } catch (err) {
      throw new IndicatorsError(
        IndicatorsErrorCode.ObservationImportNotCsv,
        `The file is not readable CSV: ${(err as Error).message}`,
        'file',
      );
    }
    const [header, ...rows] = records;
    const headerProblem = this.headerProblem(header ?? []);
    if (headerProblem)
      throw new IndicatorsError(IndicatorsErrorCode.ObservationImportInvalid, headerProblem, 'file');
    if (!rows.length)
      throw new IndicatorsError(IndicatorsErrorCode.ObservationImportInvalid, 'The file has no rows', 'file');
    if (rows.length > OBSERVATION_IMPORT_MAX_ROWS)
      throw new IndicatorsError(
        IndicatorsErrorCode.ObservationImportInvalid,
        `At most ${OBSERVATION_IMPORT_MAX_ROWS} rows per file`,
        'file',
      );
    const mode = dto.mode ?? ImportMode.AllOrNothing;

    return this.write.run(async (em) => {
      const organizationId = await this.access.publisherFor(em, actor, territoryCode, dto.organizationId);
      const plain = rows.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ''])));
      const indicators = await this.repo.indicatorsByCode(
        plain.map((p) => p.indicatorCode),
        em,
      );
      const errors: ImportRowErrorView[] = [];
      const good: RecordObservationDto[] = [];
      const seen = new Map<string, number>();
      plain.forEach((p, i) => {
        const row = i + 2;
        const dtoRow = plainToInstance(RecordObservationDto, {
          indicatorCode: p.indicatorCode,
          period: p.period,
          migrantValue: this.number(p.migrantValue),
          ...(p.hostValue !== '' ? { hostValue: this.number(p.hostValue) } : {}),
          ...(p.sampleSize !== '' && p.sampleSize !== undefined
            ? { sampleSize: this.number(p.sampleSize) }
            : {}),
          ...(p.smallSample ? { smallSample: this.bool(p.smallSample) } : {}),
          source: p.source,
          ...(p.sourceUrl ? { sourceUrl: p.sourceUrl } : {}),
        });
        const invalid = flattenValidationErrors(validateSync(dtoRow, { forbidUnknownValues: false }));
        const problems = invalid.length
          ? invalid
          : this.shapeProblems(dtoRow, indicators.get(dtoRow.indicatorCode));
        const key = `${dtoRow.indicatorCode}|${dtoRow.period}`;
        if (!problems.length && seen.has(key))
          problems.push({
            field: 'period',
            message: `repeats row ${seen.get(key)} (same indicatorCode and period)`,
          });
        if (problems.length) {
          for (const pr of problems) errors.push({ row, column: pr.field, reason: pr.message });
        } else {
          seen.set(key, row);
          good.push(dtoRow);
        }
      });
      const result: ObservationImportView = {
        mode,
        rows: rows.length,
        created: 0,
        updated: 0,
        rejected: rows.length - good.length,
        errors,
      };
      if (errors.length && mode === ImportMode.AllOrNothing) return result;
      for (const dtoRow of good) {
        const { created } = await this.writeObservation(em, actor, territoryCode, organizationId, dtoRow);
        if (created) result.created += 1;
        else result.updated += 1;
      }
      return result;
    });
  }

  private async writeObservation(
    em: EntityManager,
    actor: Actor,
    territoryCode: string,
    organizationId: string,
    dto: RecordObservationDto,
  ): Promise<{ view: ObservationView; created: boolean }> {
    const before = await this.repo.findObservation(em, territoryCode, dto.indicatorCode, dto.period);
    const saved = await this.repo.upsertObservation(em, {
      territoryCode,
      indicatorCode: dto.indicatorCode,
      period: dto.period,
      migrantValue: dto.migrantValue,
      hostValue: dto.hostValue ?? null,
      sampleSize: dto.sampleSize ?? null,
      smallSample: dto.smallSample ?? false,
      source: dto.source,
      sourceUrl: dto.sourceUrl ?? null,
      publishedByOrganizationId: organizationId,
      publishedByUserId: actor.userId,
    });
    await this.write.audit(em, {
      action: before ? 'update' : 'create',
      entityType: MeasuringAuditEntity.Observation,
      entityId: saved.id,
      before: before ? observationSnapshot(before) : null,
      after: observationSnapshot(saved),
    });
    return { view: observationView(saved), created: !before };
  }

  /** Rules that need the catalogue: the indicator exists, and a host value exactly when it is a gap indicator. */
  private shapeProblems(
    dto: RecordObservationDto,
    indicator: FrameworkIndicator | undefined,
  ): FieldProblem[] {
    if (!indicator) return [{ field: 'indicatorCode', message: 'is not an indicator of a known framework' }];
    if (indicator.kind === MeasureKind.Gap && dto.hostValue === undefined)
      return [
        {
          field: 'hostValue',
          message: `is required: ${indicator.code} compares with ${indicator.comparisonPopulation}`,
        },
      ];
    if (indicator.kind === MeasureKind.Plain && dto.hostValue !== undefined)
      return [
        { field: 'hostValue', message: `must be left out: ${indicator.code} has no comparison population` },
      ];
    return [];
  }

  private headerProblem(header: string[]): string | null {
    const seen = header.map((h) => h.trim());
    const required = ['indicatorCode', 'period', 'migrantValue', 'source'];
    const missing = required.filter((c) => !seen.includes(c));
    const unknown = seen.filter((h) => !(OBSERVATION_COLUMNS as readonly string[]).includes(h));
    const parts = [
      missing.length ? `missing columns: ${missing.join(', ')}` : '',
      unknown.length ? `unknown columns: ${unknown.join(', ')}` : '',
    ].filter(Boolean);
    return parts.length ? `${parts.join('; ')} (columns: ${OBSERVATION_COLUMNS.join(', ')})` : null;
  }

  private number(v: string | undefined): number | string | undefined {
    if (v === undefined) return undefined;
    return v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
  }

  private bool(v: string): boolean | string {
    const s = v.toLowerCase();
    return s === 'true' || s === 'yes' || s === '1'
      ? true
      : s === 'false' || s === 'no' || s === '0'
        ? false
        : v;
  }
}
