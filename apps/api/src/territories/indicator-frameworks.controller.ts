import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CatalogueService,
  ComparisonQueryDto,
  ComparisonService,
  ComparisonView,
  FrameworkIndicatorView,
  FrameworkView,
} from '@tandem/indicators';
import { Authenticated, Operation } from '../http/api-problems.decorator';

@ApiTags('measuring')
@Authenticated()
@Controller('indicator-frameworks')
export class IndicatorFrameworksController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly comparison: ComparisonService,
  ) {}

  @Get()
  @Operation({
    summary: 'The indicator frameworks Tandem carries (every signed-in user)',
    ok: [FrameworkView],
  })
  frameworks(): Promise<FrameworkView[]> {
    return this.catalogue.frameworks();
  }

  @Get(':code/indicators')
  @Operation({
    summary: 'The indicators of a framework, in its order',
    description:
      'Each with its definition, unit, direction (increase: higher is better), kind (gap or plain), comparison population and usual data source.',
    ok: [FrameworkIndicatorView],
    problems: [404],
  })
  indicators(@Param('code') code: string): Promise<FrameworkIndicatorView[]> {
    return this.catalogue.indicators(code);
  }

  @Get(':code/comparison')
  @Operation({
    summary: 'One indicator across territories, ranked by gap and by change in gap',
    description:
      '`indicator` is the code within the framework; `territories` a comma-separated list. rankByGap 1 = most favourable to migrants; rankByChange 1 = most improved. smallSample flags figures the publisher marked as resting on a small sample.',
    ok: ComparisonView,
    problems: [400, 404],
  })
  compare(@Param('code') code: string, @Query() query: ComparisonQueryDto): Promise<ComparisonView> {
    return this.comparison.compare(code, query);
  }
}
