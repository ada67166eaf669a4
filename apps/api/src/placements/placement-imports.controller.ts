import { Actor } from '@tandem/core';
import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  Param,
  Post,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';

import {
  CreatePlacementImportDto,
  IMPORT_COLUMNS,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  IMPORT_TEMPLATE_CSV,
  PlacementImportsService,
  UploadedCsv,
} from '@tandem/placements';
import { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Authenticated, Operation } from '../http/api-problems.decorator';
import { IdPath } from '../http/path-params.dto';

@ApiTags('placements')
@Authenticated()
@Controller('placements/imports')
export class PlacementImportsController {
  constructor(private readonly imports: PlacementImportsService) {}

  @Post()
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'employerOrganizationId'],
      properties: {
        file: { type: 'string', format: 'binary' },
        employerOrganizationId: { type: 'string', format: 'uuid' },
        mode: { type: 'string', enum: ['all_or_nothing', 'valid_rows'], default: 'all_or_nothing' },
      },
    },
  })
  @Operation({
    summary: 'Import placements from a CSV (the employer’s members)',
    description: `UTF-8, comma-separated, header row with exactly these columns (any order): ${IMPORT_COLUMNS.join(', ')}. Each row either names an existing participant (participantReference) or describes a new one (the participant columns, languages separated by ";"). At most ${IMPORT_MAX_ROWS} rows and ${IMPORT_MAX_BYTES} bytes. 202 with the import; the worker validates every row. mode all_or_nothing (default) creates nothing if any row is bad; valid_rows creates the good ones. The same Idempotency-Key, or the same file again while its earlier import is pending or created rows, returns that import (200) instead of a new one.`,
    problems: [400, 403, 409, 413, 415, 422],
  })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreatePlacementImportDto,
    @UploadedFile() file: UploadedCsv | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.imports.create(actor, dto, file, idempotencyKey?.slice(0, 200) || undefined);
    res.status(result.created ? 202 : 200).setHeader('Location', `/placements/imports/${result.import.id}`);
    if (!result.created) res.setHeader('Idempotent-Replayed', 'true');
    return result.import;
  }

  @Get('template.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="placements-template.csv"')
  @ApiProduces('text/csv')
  @Operation({ summary: 'The CSV template: the header and two example rows' })
  template(): string {
    return IMPORT_TEMPLATE_CSV;
  }

  @Get(':id')
  @Operation({
    summary:
      'An import: progress (processedRows of totalRows), counts and every bad row (row, column, reason)',
    problems: [400, 404],
  })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdPath) {
    return this.imports.get(actor, id);
  }

  @Get(':id/errors.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @Operation({ summary: "An import's bad rows as CSV (row, column, reason)", problems: [400, 404] })
  async errors(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdPath,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    res.setHeader('Content-Disposition', `attachment; filename="import-${id}-errors.csv"`);
    return this.imports.errorsCsv(actor, id);
  }
}
