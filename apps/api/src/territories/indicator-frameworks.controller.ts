import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  @Operation({ summary: 'The indicator frameworks Tandem carries (every signed-in user)' })
  @ApiOkResponse({ type: [FrameworkView] })
  frameworks(): Promise<FrameworkView[]> {
    return this.catalogue.frameworks();
  }

  @Get(':code/indicators')
  @Operation({
    summary: 'The indicators of a framework, in its order',
    description:
      'Each with its definition, unit, direction (increase: higher is better), kind (gap or plain), comparison population and usual data source.',
    problems: [404],
  })
  @ApiOkResponse({ type: [FrameworkIndicatorView] })
  indicators(@Param('code') code: string): Promise<FrameworkIndicatorView[]> {
    return this.catalogue.indicators(code);
  }

  @Get(':code/comparison')
  @Operation({
    summary: 'One indicator across territories, ranked by gap and by change in gap',
    description:
      '`indicator` is the code within the framework; `territories` a comma-separated list. rankByGap 1 = most favourable to migrants; rankByChange 1 = most improved. smallSample flags figures the publisher marked as resting on a small sample.',
    problems: [400, 404],
  })
  @ApiOkResponse({ type: ComparisonView })
  compare(@Param('code') code: string, @Query() query: ComparisonQueryDto): Promise<ComparisonView> {
    return this.comparison.compare(code, query);
  }
}
