import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Client routes of the console live under /app, so they never shadow an API route (all at the root). */
export const WEB_BASE = '/app';

// The console needs nothing but its own origin: no inline scripts, no third-party hosts.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the built web console (apps/web → dist/apps/web) at /app: hashed assets cached for a
 * year, index.html (never cached) for every other GET under /app, and `/` redirects there (so does
 * the invitation link of the e-mails, GET /invitations/{token}). Does
 * nothing when the folder has no index.html (an api built without the console). Returns the folder
 * served, or null.
 */
export function serveWebConsole(app: NestExpressApplication, configured?: string): string | null {
  const dir = path.resolve(configured ?? path.join(__dirname, '..', 'web'));
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return null;

  const csp = (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', CSP);
    next();
  };
  app.use(WEB_BASE, csp);
  app.use(`${WEB_BASE}/assets`, precompressed(path.join(dir, 'assets')));
  app.useStaticAssets(path.join(dir, 'assets'), {
    prefix: `${WEB_BASE}/assets`,
    immutable: true,
    maxAge: '365d',
    fallthrough: false,
  });
  app.useStaticAssets(dir, { prefix: WEB_BASE, index: false, maxAge: 0 });
  app.use(WEB_BASE, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/') return res.redirect(302, `${WEB_BASE}/`);
    // The invitation e-mail links to PUBLIC_URL/invitations/{token} (the API only has POST …/accept
    // there): a browser opening it lands on the console's accept page.
    const invitation = /^\/invitations\/([A-Za-z0-9._-]+)$/.exec(req.path);
    if (invitation) return res.redirect(302, `${WEB_BASE}/invitations/${invitation[1]}`);
    // Links in notification e-mails name the subject by its API path (PUBLIC_URL/tasks/{id}). A browser
    // opening one (it asks for HTML and sends no bearer token) is sent to the console's page for it;
    // API clients (JSON, or a token) get the API as always.
    const page = consolePageFor(req.path);
    if (page && !req.headers.authorization && (req.headers.accept ?? '').includes('text/html'))
      return res.redirect(302, `${WEB_BASE}${page}`);
    next();
  });
  return dir;
}

const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const;
const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * Serves the build's precompressed copies (`x.js.br`, `x.js.gz`, written by scripts/compress-web.mjs
 * at build time with the strongest settings) to browsers that accept them: no compression work per
 * request, and hashed names, so they are cached for a year as immutable. The list of files is read
 * once: a build's assets never change while it is served.
 */
function precompressed(assets: string) {
  const files = new Set(existsSync(assets) ? readdirSync(assets) : []);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const name = req.path.replace(/^\//, '');
    if (!files.has(name)) return next();
    res.setHeader('Vary', 'Accept-Encoding');
    const accepted = String(req.headers['accept-encoding'] ?? '');
    for (const [encoding, ext] of ENCODINGS) {
      if (!files.has(name + ext) || !new RegExp(`\\b${encoding}\\b`).test(accepted)) continue;
      res.setHeader('Content-Encoding', encoding);
      res.type(path.extname(name));
      return res.sendFile(path.join(assets, name + ext), { maxAge: YEAR_MS, immutable: true });
    }
    next();
  };
}

const UUID = '[0-9a-fA-F-]{36}';
const CONSOLE_PAGES: [RegExp, (id: string) => string][] = [
  [new RegExp(`^/tasks/(${UUID})$`), (id) => `/tasks/${id}`],
  [new RegExp(`^/programmes/(${UUID})$`), (id) => `/programmes/${id}`],
  [new RegExp(`^/consultations/(${UUID})$`), (id) => `/consultations/${id}`],
  [new RegExp(`^/meetings/(${UUID})$`), () => '/consultations'],
  [new RegExp(`^/check-ins/(${UUID})$`), () => '/check-ins'],
  [new RegExp(`^/placements/(${UUID})$`), () => '/placements'],
  [new RegExp(`^/reports/(${UUID})$`), () => '/reports'],
  [new RegExp(`^/organizations/(${UUID})$`), (id) => `/admin/organizations/${id}`],
  [/^\/notifications$/, () => '/notifications'],
];

/** The console page for a subject's API path (as in notification e-mails), or null. */
export function consolePageFor(pathname: string): string | null {
  for (const [pattern, page] of CONSOLE_PAGES) {
    const m = pattern.exec(pathname);
    if (m) return page(m[1] ?? '');
  }
  return null;
}
