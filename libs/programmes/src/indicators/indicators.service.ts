import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';

import {
  CoreError,
  CoreErrorCode,
  DomainError,
  mapPage,
  Page,
  validationFailed,
  Actor,
  assertVersion,
  orNotFound,
} from '@tandem/core';
import { EntityManager } from 'typeorm';
import { Indicator, IndicatorDirection, IndicatorKind } from '../entities';
import { ProgrammeAccess, ProgrammeAccessService, ProgrammeAction } from '../programme-access.service';
import { CreateIndicatorDto } from './dto/create-indicator.dto';
import { ListIndicatorsDto } from './dto/list-indicators.dto';
import { UpdateIndicatorDto } from './dto/update-indicator.dto';
import { definitionProblem } from './indicator-progress';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorView, indicatorSnapshot, indicatorView, toNumber } from './indicator.view';
import { assertProgrammeOpen } from './programme-open';

export interface IndicatorInScope {
  indicator: Indicator;
  access: ProgrammeAccess;
}

/** Indicator definitions of a programme: managers define them, everyone who reads the programme reads them. */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly indicators: IndicatorsRepository,
    private readonly write: DomainWrite,
    private readonly access: ProgrammeAccessService,
  ) {}

  async create(actor: Actor, programmeId: string, dto: CreateIndicatorDto): Promise<IndicatorView> {
    return this.write.run(async (em) => {
      const { programme } = await this.access.require(actor, programmeId, 'manage', em);
      assertProgrammeOpen(programme);
      const def = dto.frameworkIndicatorCode ? await this.adopted(em, dto) : dto;
      const kind = def.kind ?? IndicatorKind.Plain;
      this.assertMeasurable({ kind, baseline: dto.baseline, target: dto.target, direction: def.direction });
      const indicator = await em.save(
        Indicator,
        em.create(Indicator, {
          programmeId,
          name: dto.name,
          dimension: def.dimension,
          unit: def.unit,
          kind,
          baseline: String(dto.baseline),
          target: String(dto.target),
          direction: def.direction,
          frameworkIndicatorCode: dto.frameworkIndicatorCode ?? null,
          definition: 'definition' in def ? def.definition : null,
        }),
      );
      const saved = await em.findOneByOrFail(Indicator, { id: indicator.id });
      await this.write.auditCreate(em, 'indicator', saved.id, indicatorSnapshot(saved));
      return indicatorView(saved);
    });
  }

  async list(actor: Actor, programmeId: string, query: ListIndicatorsDto): Promise<Page<IndicatorView>> {
    await this.access.require(actor, programmeId, 'read');
    return mapPage(await this.indicators.listOfProgramme(programmeId, query), indicatorView);
  }

  async get(actor: Actor, id: string): Promise<IndicatorView> {
    const { indicator } = await this.requireIndicator(actor, id, 'read', this.indicators.manager);
    return indicatorView(indicator);
  }

  /** Optimistic concurrency: the caller sends the version it read (If-Match); a stale one is a 412. */
  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    dto: UpdateIndicatorDto,
  ): Promise<IndicatorView> {
    return this.write.run(async (em) => {
      // FOR NO KEY UPDATE: serialises edits of the definition without blocking values being reported
      // against it (their foreign key only takes a key-share lock).
      const locked = orNotFound(
        await em.findOne(Indicator, { where: { id }, lock: { mode: 'for_no_key_update' } }),
        'Indicator',
      );
      const { indicator, access } = await this.inScope(actor, locked, 'manage', em);
      assertProgrammeOpen(access.programme);
      assertVersion(indicator, expectedVersion, 'indicator');
      const before = indicatorSnapshot(indicator);
      // An adopted indicator keeps the framework's definition; only its name, baseline and target are its own.
      if (indicator.frameworkIndicatorCode) {
        const fixed = (['dimension', 'unit', 'direction'] as const).filter(
          (f) => dto[f] !== undefined && dto[f] !== indicator[f],
        );
        if (fixed.length)
          throw validationFailed(
            fixed.map((f) => ({ field: f, message: `${f} comes from ${indicator.frameworkIndicatorCode}` })),
          );
      }
      const next = {
        kind: indicator.kind,
        baseline: dto.baseline ?? toNumber(indicator.baseline),
        target: dto.target ?? toNumber(indicator.target),
        direction: dto.direction ?? indicator.direction,
      };
      this.assertMeasurable(next);
      await em.update(
        Indicator,
        { id },
        {
          name: dto.name ?? indicator.name,
          dimension: dto.dimension ?? indicator.dimension,
          unit: dto.unit ?? indicator.unit,
          baseline: String(next.baseline),
          target: String(next.target),
          direction: next.direction,
          version: indicator.version + 1,
        },
      );
      const saved = await em.findOneByOrFail(Indicator, { id });
      await this.write.auditUpdate(em, 'indicator', id, before, indicatorSnapshot(saved));
      return indicatorView(saved);
    });
  }

  /**
   * Loads an indicator and the actor's access to its programme. "No such indicator" and "not in a
   * programme you may read" are the same 404, so indicator ids of other partnerships are not revealed.
   * `lockProgramme` takes the programme row FOR UPDATE: writes that depend on reporting-period locks
   * hold it so that a lock and a value cannot be written past each other.
   */
  async requireIndicator(
    actor: Actor,
    id: string,
    action: ProgrammeAction,
    em: EntityManager,
    lockProgramme = false,
  ): Promise<IndicatorInScope> {
    const indicator = orNotFound(await em.findOneBy(Indicator, { id }), 'Indicator');
    return this.inScope(actor, indicator, action, em, lockProgramme);
  }

  private async inScope(
    actor: Actor,
    indicator: Indicator,
    action: ProgrammeAction,
    em: EntityManager,
    lockProgramme = false,
  ): Promise<IndicatorInScope> {
    try {
      const access = await this.access.require(actor, indicator.programmeId, action, em, lockProgramme);
      return { indicator, access };
    } catch (err) {
      if (err instanceof DomainError && err.code === CoreErrorCode.NotFound)
        throw CoreError.notFound('Indicator');
      throw err;
    }
  }

  /**
   * The definition a programme indicator inherits from the framework catalogue (issue 19), so the
   * same measure means the same thing in every programme. Fields the caller also sent must agree
   * with it.
   */
  private async adopted(
    em: EntityManager,
    dto: CreateIndicatorDto,
  ): Promise<Pick<Indicator, 'dimension' | 'unit' | 'direction' | 'kind' | 'definition'>> {
    const field = 'frameworkIndicatorCode';
    const fw = await this.indicators.frameworkDefinition(em, dto.frameworkIndicatorCode!);
    if (!fw) throw CoreError.invalid(field, 'is not an indicator of a known framework');
    const clashes = (['dimension', 'unit', 'direction', 'kind'] as const).filter(
      (f) => dto[f] !== undefined && dto[f] !== fw[f],
    );
    if (clashes.length)
      throw validationFailed(
        clashes.map((f) => ({
          field: f,
          message: `${f} must be ${fw[f]}, as in ${dto.frameworkIndicatorCode}`,
        })),
      );
    return { ...fw, definition: fw.definition.en ?? null };
  }

  private assertMeasurable(def: {
    kind: IndicatorKind;
    baseline: number;
    target: number;
    direction: IndicatorDirection;
  }): void {
    const problem = definitionProblem(def);
    if (problem) throw validationFailed([problem]);
  }
}
