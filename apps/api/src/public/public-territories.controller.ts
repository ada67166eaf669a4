import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PublicConsultationsService } from '@tandem/consultations';
import { AppConfig, CoreError, parseTerritoryCode } from '@tandem/core';
import { PublicGoodIdeasService } from '@tandem/good-ideas';
import { TerritoryPageService, TerritoryPageView } from '@tandem/public-pages';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import { pageLang } from '../good-ideas/public-pages';
import { Operation } from '../http/api-problems.decorator';
import { renderOutcomesAtom, renderTerritory } from './public-html';
import { PublicPage, sendAtom, sendPublic } from './public-response';

const territoryCode = (code: string): string => {
  if (!parseTerritoryCode(code))
    throw CoreError.invalid('code', 'must be a territory code such as CA, CA-ON or CA-ON-riverton');
  return code;
};

/** A territory's public integration page (issue 20): no sign-in, rate-limited per client. */
@ApiTags('public pages')
@Public()
@Controller('public/territories')
export class PublicTerritoriesController {
  constructor(
    private readonly pages: TerritoryPageService,
    private readonly outcomes: PublicConsultationsService,
    private readonly ideas: PublicGoodIdeasService,
    private readonly config: AppConfig,
  ) {}

  @Get(':code')
  @Operation({
    summary: "A territory's public page: public outcomes, good ideas, listed programmes, official figures",
    ok: TerritoryPageView,
    problems: [400, 404, 429],
  })
  @PublicPage()
  async get(
    @Req() req: Request,
    @Res() res: Response,
    @Param('code') code: string,
    @Query('lang') lang?: string,
  ) {
    const view = await this.pages.page(territoryCode(code));
    sendPublic(req, res, view, () => renderTerritory(pageLang(lang), view, this.config.PUBLIC_URL));
  }

  @Get(':code/feed.atom')
  @Operation({
    summary: "Atom feed of a territory's newly public outcomes and newly published good ideas",
    problems: [400, 404, 429],
  })
  @ApiProduces('application/atom+xml')
  @ApiOkResponse({ description: 'Atom 1.0 feed', schema: { type: 'string' } })
  async feed(@Res() res: Response, @Param('code') code: string) {
    const view = await this.pages.page(territoryCode(code));
    sendAtom(
      res,
      renderOutcomesAtom(
        `Tandem: ${view.territory.name}`,
        `/public/territories/${encodeURIComponent(code)}/feed.atom`,
        view.outcomes.slice(0, 50),
        view.goodIdeas.slice(0, 50),
        this.config.PUBLIC_URL,
      ),
    );
  }
}
