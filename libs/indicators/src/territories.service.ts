import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import { Actor, isUniqueViolation, parseTerritoryCode, orNotFound } from '@tandem/core';
import { CreateTerritoryDto } from './dto';
import { Territory } from './entities';
import { IndicatorsError, IndicatorsErrorCode } from './indicators.errors';
import { MeasuringAuditEntity } from './indicators.events';
import { MeasuringAccessService } from './measuring-access.service';
import { MeasuringRepository } from './measuring.repository';
import { territoryView, TerritoryView } from './measuring.views';

@Injectable()
export class TerritoriesService {
  constructor(
    private readonly write: DomainWrite,
    private readonly repo: MeasuringRepository,
    private readonly access: MeasuringAccessService,
  ) {}

  async list(filter: { parent?: string; country?: string }): Promise<TerritoryView[]> {
    return (await this.repo.listTerritories(filter)).map(territoryView);
  }

  async get(code: string): Promise<TerritoryView> {
    return territoryView(await this.require(code));
  }

  async require(code: string): Promise<Territory> {
    return orNotFound(parseTerritoryCode(code) ? await this.repo.territory(code) : null, 'Territory');
  }

  async create(actor: Actor, dto: CreateTerritoryDto): Promise<TerritoryView> {
    const parsed = parseTerritoryCode(dto.code)!;
    try {
      return await this.write.run(async (em) => {
        await this.access.assertMayRegister(em, actor, dto.code);
        if (parsed.parent && !(await this.repo.territory(parsed.parent, em)))
          throw new IndicatorsError(
            IndicatorsErrorCode.TerritoryParentUnknown,
            `Register ${parsed.parent} before ${dto.code}`,
            'code',
          );
        const t = await this.repo.insertTerritory(em, {
          code: dto.code,
          kind: parsed.kind,
          country: parsed.country,
          parentCode: parsed.parent,
          name: dto.name,
        });
        await this.write.auditCreate(em, MeasuringAuditEntity.Territory, t.code, {
          code: t.code,
          kind: t.kind,
          name: t.name,
          parentCode: t.parentCode,
        });
        return territoryView(t);
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw new IndicatorsError(
          IndicatorsErrorCode.TerritoryExists,
          `Territory ${dto.code} already exists`,
          'code',
        );
      throw err;
    }
  }
}
