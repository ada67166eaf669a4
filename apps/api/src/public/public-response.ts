import { applyDecorators } from '@nestjs/common';
import { ApiProduces, ApiQuery } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PAGE_LANGS, PUBLIC_PAGE_CSP } from '../good-ideas/public-pages';

/**
 * Public pages are the same for everyone (the routes are @Public, so no token is even read): shared
 * caches may keep them, but must revalidate every time (max-age=0, must-revalidate), and Express's
 * ETag turns a revalidation of unchanged content into a 304. A withdrawn outcome is a 404 on the
 * very next request: nothing serves it from a cache without asking.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/** HTML for browsers and crawlers (they ask for text/html), JSON for everyone else. */
export const wantsHtml = (req: Request) => req.accepts(['application/json', 'text/html']) === 'text/html';

/** OpenAPI of a route answered by {@link sendPublic}: JSON, or the HTML page in the `lang` asked for. */
export const PublicPage = (): MethodDecorator =>
  applyDecorators(
    ApiProduces('application/json', 'text/html'),
    ApiQuery({ name: 'lang', required: false, enum: [...PAGE_LANGS] }),
  );

export function sendPublic(req: Request, res: Response, json: unknown, html: () => string): void {
  res.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL);
  res.vary('Accept');
  if (!wantsHtml(req)) {
    res.json(json);
    return;
  }
  res.setHeader('Content-Security-Policy', PUBLIC_PAGE_CSP);
  res.type('html').send(html());
}

export function sendAtom(res: Response, xml: string): void {
  res.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL);
  res.type('application/atom+xml; charset=utf-8').send(xml);
}
