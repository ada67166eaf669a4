import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ActorLoader } from '@tandem/auth';
import { AppConfig, Actor } from '@tandem/core';
import { JwtService } from '@nestjs/jwt';

export const DASHBOARD_PATH = '/admin/queues';
export const DASHBOARD_COOKIE = 'tandem_queues';
/** The dashboard cookie's lifetime: short, it only opens a page. */
export const DASHBOARD_COOKIE_SECONDS = 15 * 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Who may open the queue dashboard: platform admins, by bearer token, or by the short-lived cookie
 * `POST /admin/queues/session` sets (a browser cannot send a bearer header when it opens a page).
 * The cookie is `userId.sessionId.expiry.HMAC`: no secret in it, and every request re-checks that
 * the session is alive and the user still a platform admin, so signing out revokes it too.
 */
@Injectable()
export class QueueDashboardAuth {
  private readonly key: Buffer;
  private readonly jwt: JwtService;

  constructor(
    private readonly config: AppConfig,
    private readonly actors: ActorLoader,
  ) {
    this.jwt = new JwtService({ secret: config.JWT_ACCESS_SECRET, verifyOptions: { algorithms: ['HS256'] } });
    this.key = createHmac('sha256', config.JWT_ACCESS_SECRET)
      .update('tandem:queue-dashboard-cookie')
      .digest();
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }

  cookieFor(actor: Actor, nowMs = Date.now()): { value: string; maxAgeSeconds: number } {
    const payload = `${actor.userId}.${actor.sessionId ?? ''}.${Math.floor(nowMs / 1000) + DASHBOARD_COOKIE_SECONDS}`;
    return { value: `${payload}.${this.mac(payload)}`, maxAgeSeconds: DASHBOARD_COOKIE_SECONDS };
  }

  get secureCookie(): boolean {
    return this.config.PUBLIC_URL.startsWith('https:');
  }

  /** 'ok', or the status to answer: 401 without valid credentials, 403 for non-admins. */
  async check(
    authorization: string | undefined,
    cookieHeader: string | undefined,
  ): Promise<'ok' | 401 | 403> {
    const actor = (await this.fromBearer(authorization)) ?? (await this.fromCookie(cookieHeader));
    if (!actor) return 401;
    return actor.platformRole === 'admin' ? 'ok' : 403;
  }

  private async fromBearer(header: string | undefined): Promise<Actor | null> {
    const token = /^Bearer (\S+)$/i.exec(header ?? '')?.[1];
    if (!token) return null;
    try {
      const claims = await this.jwt.verifyAsync<{ sub?: unknown; sid?: unknown }>(token);
      if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return null;
      if (!UUID.test(claims.sub) || !UUID.test(claims.sid)) return null;
      return await this.actors.load(claims.sub, claims.sid);
    } catch {
      return null;
    }
  }

  private async fromCookie(header: string | undefined): Promise<Actor | null> {
    const raw = (header ?? '')
      .split(';')
      .map((c) => c.trim())
      .find((c) => c.startsWith(`${DASHBOARD_COOKIE}=`))
      ?.slice(DASHBOARD_COOKIE.length + 1);
    if (!raw) return null;
    const parts = decodeURIComponent(raw).split('.');
    if (parts.length !== 4) return null;
    const [userId, sessionId, exp, mac] = parts;
    const expected = Buffer.from(this.mac(`${userId}.${sessionId}.${exp}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if (!(Number(exp) * 1000 > Date.now())) return null;
    if (!UUID.test(userId) || !UUID.test(sessionId)) return null;
    return this.actors.load(userId, sessionId);
  }
}
