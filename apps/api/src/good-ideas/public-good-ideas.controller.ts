import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AppConfig, CoreError } from '@tandem/core';
import {
  GoodIdeaPageResponse,
  ListPublicGoodIdeasDto,
  PublicGoodIdeaResponse,
  PublicGoodIdeasService,
} from '@tandem/good-ideas';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import { Operation } from '../http/api-problems.decorator';
import { PublicPage, sendAtom, sendPublic } from '../public/public-response';
import { pageLang, renderAtom, renderCatalogue, renderIdea } from './public-pages';

const SLUG = /^[a-z0-9][a-z0-9-]{0,139}$/;

/**
 * The public catalogue: no sign-in (marked @Public, so the global auth guard lets it through), still
 * rate-limited per client address by the global throttler. Only published ideas; no people.
 */
@ApiTags('good ideas (public)')
@Public()
@Controller('public/good-ideas')
export class PublicGoodIdeasController {
  constructor(
    private readonly catalogue: PublicGoodIdeasService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Operation({
    summary: 'Search the catalogue of published good ideas (no sign-in)',
    description:
      'Full-text search in English, French, Spanish and Arabic, filters, keyset pages, newest first. ' +
      'Browsers asking for text/html get the server-rendered page (`lang=en|fr|es|ar`).',
    ok: GoodIdeaPageResponse,
    problems: [400, 429],
  })
  @PublicPage()
  async list(
    @Req() req: Request,
    @Res() res: Response,
    @Query() filter: ListPublicGoodIdeasDto,
  ): Promise<void> {
    const lang = filter.lang;
    delete filter.lang;
    const page = await this.catalogue.search(filter);
    sendPublic(req, res, page, () => renderCatalogue(pageLang(lang), filter, page, this.config.PUBLIC_URL));
  }

  @Get('feed.atom')
  @Operation({ summary: 'Atom feed of newly published good ideas' })
  @ApiProduces('application/atom+xml')
  @ApiOkResponse({ description: 'Atom 1.0 feed', schema: { type: 'string' } })
  async feed(@Res() res: Response): Promise<void> {
    const items = await this.catalogue.latest(50);
    sendAtom(res, renderAtom(items, this.config.PUBLIC_URL));
  }

  @Get(':slug')
  @Operation({
    summary: 'A published good idea by its slug (404 for anything not published)',
    ok: PublicGoodIdeaResponse,
    problems: [404, 429],
  })
  @PublicPage()
  async get(
    @Req() req: Request,
    @Res() res: Response,
    @Param('slug') slug: string,
    @Query('lang') lang?: string,
  ): Promise<void> {
    if (!SLUG.test(slug)) throw CoreError.notFound('Good idea');
    const idea = await this.catalogue.get(slug);
    sendPublic(req, res, idea, () => renderIdea(pageLang(lang), idea, this.config.PUBLIC_URL));
  }
}
