import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  ListPublicConsultationsDto,
  PublicConsultationPage,
  PublicConsultationsService,
  PublicConsultationView,
} from '@tandem/consultations';
import { AppConfig } from '@tandem/core';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import { pageLang } from '../good-ideas/public-pages';
import { Operation } from '../http/api-problems.decorator';
import { IdPath } from '../http/path-params.dto';
import { renderConsultation, renderConsultationList, renderOutcomesAtom } from './public-html';
import { PublicPage, sendAtom, sendPublic } from './public-response';

/** Published outcomes their owners made public (issue 20): no sign-in, rate-limited per client. */
@ApiTags('public pages')
@Public()
@Controller('public/consultations')
export class PublicConsultationsController {
  constructor(
    private readonly outcomes: PublicConsultationsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Operation({
    summary: 'Search the public consultation outcomes (no sign-in)',
    description:
      'Filters territory, dimension, language, from/to (outcome date); full-text search in English, French, ' +
      'Spanish and Arabic; keyset pages, newest public first. Browsers asking for text/html get the page.',
    ok: PublicConsultationPage,
    problems: [400, 429],
  })
  @ApiProduces('application/json', 'text/html')
  async list(@Req() req: Request, @Res() res: Response, @Query() filter: ListPublicConsultationsDto) {
    const lang = pageLang(filter.lang);
    delete filter.lang;
    const page = await this.outcomes.search(filter);
    sendPublic(req, res, page, () => renderConsultationList(lang, filter, page, this.config.PUBLIC_URL));
  }

  @Get('feed.atom')
  @Operation({ summary: 'Atom feed of newly public consultation outcomes', problems: [429] })
  @ApiProduces('application/atom+xml')
  @ApiOkResponse({ description: 'Atom 1.0 feed', schema: { type: 'string' } })
  async feed(@Res() res: Response) {
    const items = await this.outcomes.latest();
    sendAtom(
      res,
      renderOutcomesAtom(
        'Tandem: you said, we did',
        '/public/consultations/feed.atom',
        items,
        [],
        this.config.PUBLIC_URL,
      ),
    );
  }

  @Get(':id')
  @Operation({
    summary: 'A public outcome with its results and decisions (404 unless made public)',
    ok: PublicConsultationView,
    problems: [400, 404, 429],
  })
  @PublicPage()
  async get(
    @Req() req: Request,
    @Res() res: Response,
    @Param() { id }: IdPath,
    @Query('lang') lang?: string,
  ) {
    const view = await this.outcomes.get(id);
    sendPublic(req, res, view, () => renderConsultation(pageLang(lang), view, this.config.PUBLIC_URL));
  }
}
