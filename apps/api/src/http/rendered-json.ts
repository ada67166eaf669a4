import { ExpressAdapter } from '@nestjs/platform-express';
import { Response } from 'express';

/** What `res.json` sets for a JSON body (Express adds the charset to `application/json`). */
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * A JSON response rendered once and sent many times (ReadCache): the UTF-8 bytes of the text
 * `res.json` would have written, and the ETag Express would have computed over them (the app's
 * `etag fn`, weak by default), so a hit costs neither the encoding nor the hash. Sent by
 * TandemExpressAdapter exactly as `res.json(body)` sends it: same type, length, ETag and 304.
 */
export class RenderedJson {
  private constructor(
    readonly bytes: Buffer,
    readonly etag: string | undefined,
  ) {}

  /** `text` is the JSON text; `res` the response it is first rendered for (the app's ETag setting). */
  static of(text: string, res: Response): RenderedJson {
    const bytes = Buffer.from(text, 'utf8');
    const etagFn = res.app.get('etag fn') as ((body: Buffer) => string | undefined) | undefined;
    return new RenderedJson(bytes, typeof etagFn === 'function' ? etagFn(bytes) || undefined : undefined);
  }

  send(res: Response): void {
    res.setHeader('Content-Type', JSON_TYPE);
    // As Express: an ETag set before (by a handler) wins over the computed one.
    if (this.etag && !res.getHeader('ETag')) res.setHeader('ETag', this.etag);
    // A Buffer is sent as it is: Content-Length, freshness (304) and HEAD as for any body.
    res.send(this.bytes);
  }
}

/**
 * Nest's Express adapter, except that a RenderedJson body is sent as its prepared bytes (Nest would
 * serialise any object, a Buffer included, with `res.json`).
 */
export class TandemExpressAdapter extends ExpressAdapter {
  override reply(response: Response, body: unknown, statusCode?: number): unknown {
    if (!(body instanceof RenderedJson)) return super.reply(response, body, statusCode);
    if (statusCode) response.status(statusCode);
    body.send(response);
    return response;
  }
}
