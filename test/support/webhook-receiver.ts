import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  id: string;
  path: string;
  timestamp: string;
  signature: string;
  body: string;
  status: number;
  verified: boolean;
}

/**
 * A real HTTP receiver on loopback that checks Tandem's signature the way the README tells
 * integrators to: HMAC-SHA256(secret, timestamp + "." + raw body), constant-time compare, a
 * 5-minute window. It can fail a number of requests, or every request on a path, before answering 204.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** Accepted (2xx) deliveries per endpoint path and event id: what a de-duplicating receiver would process. */
  readonly accepted = new Map<string, number>();
  readonly secrets = new Map<string, string>();
  failNext = 0;
  readonly failingPaths = new Set<string>();
  private server!: http.Server;
  port = 0;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '/';
        const timestamp = String(req.headers['tandem-webhook-timestamp'] ?? '');
        const signature = String(req.headers['tandem-webhook-signature'] ?? '');
        const id = String(req.headers['tandem-webhook-id'] ?? '');
        const secret = this.secrets.get(path);
        const verified = secret !== undefined && this.verify(secret, timestamp, signature, body);
        let status = 204;
        if (!verified) status = 401;
        else if (this.failingPaths.has(path)) status = 500;
        else if (this.failNext > 0) {
          this.failNext--;
          status = 503;
        }
        this.received.push({ id, path, timestamp, signature, body, status, verified });
        if (status < 300) this.accepted.set(`${path} ${id}`, (this.accepted.get(`${path} ${id}`) ?? 0) + 1);
        res.statusCode = status;
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  private verify(secret: string, timestamp: string, signature: string, body: string): boolean {
    const ts = Number(timestamp);
    if (!Number.isInteger(ts) || Math.abs(Date.now() / 1000 - ts) > 300) return false;
    const expected = Buffer.from(
      `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`,
    );
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  acceptedCount(path: string, id: string): number {
    return this.accepted.get(`${path} ${id}`) ?? 0;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
