import express, { Response } from 'express';
import request from 'supertest';
import { RenderedJson } from './rendered-json';

describe(RenderedJson.name, () => {
  // Non-ASCII text, so bytes and characters differ.
  const body = { items: [{ title: 'Réunion à Lisbonne — ✓', n: 1 }], nextCursor: null };
  let prepared: RenderedJson | undefined;
  const app = express();
  app.get('/json', (_req, res) => res.json(body));
  app.get('/rendered', (_req, res: Response) => {
    prepared ??= RenderedJson.of(JSON.stringify(body), res);
    prepared.send(res);
  });
  const headers = (h: Record<string, string>) => {
    const { date, ...rest } = h;
    void date;
    return rest;
  };

  it('is sent as res.json sends it: same bytes, type, length and ETag, on every use', async () => {
    const expected = await request(app).get('/json').expect(200);
    for (let i = 0; i < 2; i++) {
      const got = await request(app).get('/rendered').expect(200);
      expect(got.text).toBe(expected.text);
      expect(headers(got.headers)).toEqual(headers(expected.headers));
    }
  });

  it('answers 304 to a matching If-None-Match and nothing to HEAD, as res.json does', async () => {
    const { etag } = (await request(app).get('/json')).headers;
    const fresh = await request(app).get('/rendered').set('If-None-Match', etag).expect(304);
    expect(fresh.text).toBe('');
    const head = await request(app).head('/rendered').expect(200);
    const jsonHead = await request(app).head('/json').expect(200);
    expect(headers(head.headers)).toEqual(headers(jsonHead.headers));
  });
});
