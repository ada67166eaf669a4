import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, Session } from './support/fixtures';
import {
  Operation,
  operations,
  OpenApiDoc,
  pool,
  readOpenApi,
  resolve,
  sample,
  Schema,
} from './support/openapi';
import { setupProgramme } from './support/programmes';
import { TestSmtpServer } from './support/smtp';
import { TestStack } from './support/stack';

/**
 * Schema-driven fuzzing: for every operation of the running api's OpenAPI document, bad values for
 * every path, query and body field (wrong types, boundary lengths, control characters, lone
 * surrogates, NUL, deep nesting, prototype keys, impossible dates, over-long ids with and without an
 * Idempotency-Key), sent with a valid token. Nothing may answer 5xx, and every 4xx is problem+json.
 */

const ID = '00000000-0000-4000-8000-000000000000';
const LONG_ID = 'a'.repeat(300);
const DEEP = '['.repeat(10_000) + ']'.repeat(10_000);

/** Hostile strings: each must be refused or handled, never crash anything. */
const STRINGS = [
  '',
  'x\u0000y',
  'x\u0001y',
  'x\u000By',
  'x\u001Fy',
  'x\u0085y',
  'x\uD800y',
  '\uDC00',
  'x'.repeat(10_001),
  '2026-02-30',
  '2026-13-01T25:61:00Z',
  '-1',
  '1e309',
  "' OR 1=1 --",
  '../../etc/passwd',
];

/** Wrong types for a JSON field. */
const TYPES: unknown[] = [null, 0, -1, 1e308, 3.5, true, [], {}, [null], { a: { b: 1 } }];

interface Probe {
  op: Operation;
  what: string;
  path: string;
  query?: string;
  body?: string;
  headers?: Record<string, string>;
}

function pathWith(op: Operation, overrides: Record<string, string> = {}): string {
  return op.path.replace(/\{(\w+)\}/g, (_m, name: string) => overrides[name] ?? ID);
}

function baseBody(doc: OpenApiDoc, op: Operation): Record<string, unknown> | unknown {
  return op.body ? sample(doc, op.body.schema) : undefined;
}

function probesOf(doc: OpenApiDoc, op: Operation): Probe[] {
  const probes: Probe[] = [];
  const base = baseBody(doc, op);
  const baseText = base === undefined ? undefined : JSON.stringify(base);
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  for (const p of pathParams) {
    for (const v of [LONG_ID, 'not-a-uuid', '%00', '%ED%A0%80', '1', ID.toUpperCase()]) {
      probes.push({
        op,
        what: `path ${p.name}=${v.slice(0, 12)}`,
        path: pathWith(op, { [p.name]: v }),
        body: baseText,
      });
    }
  }
  if (op.method === 'post' && pathParams.length) {
    const overrides = Object.fromEntries(pathParams.map((p) => [p.name, LONG_ID]));
    for (const key of ['k-1', 'x'.repeat(400)])
      probes.push({
        op,
        what: `long ids + Idempotency-Key ${key.length}`,
        path: pathWith(op, overrides),
        body: baseText,
        headers: { 'Idempotency-Key': key },
      });
  }
  for (const p of op.parameters.filter((x) => x.in === 'query')) {
    const schema = resolve(doc, p.schema);
    const values = [
      '%00',
      'a%00b',
      '%01',
      '%0B',
      '%ED%A0%80',
      '%C2%85',
      encodeURIComponent('x'.repeat(5_000)),
      '-1',
      '99999999999999999999',
      '2026-02-30',
      'true',
      '%5B%5D',
    ];
    for (const v of values)
      probes.push({
        op,
        what: `query ${p.name}=${v.slice(0, 12)}`,
        path: pathWith(op),
        query: `${p.name}=${v}`,
        body: baseText,
      });
    probes.push({
      op,
      what: `query ${p.name} twice`,
      path: pathWith(op),
      query: `${p.name}=a&${p.name}=b`,
      body: baseText,
    });
    if (schema.type === 'integer')
      probes.push({ op, what: `query ${p.name}=1.5`, path: pathWith(op), query: `${p.name}=1.5` });
  }
  if (op.body?.contentType === 'application/json') {
    const fields = Object.entries(resolve(doc, op.body.schema).properties ?? {});
    const obj = (typeof base === 'object' && base !== null && !Array.isArray(base) ? base : {}) as Record<
      string,
      unknown
    >;
    for (const [name, raw] of fields) {
      const schema = resolve(doc, raw as Schema);
      const values: unknown[] = [...TYPES, ...STRINGS];
      if (schema.maxLength) values.push('y'.repeat(schema.maxLength + 1), 'y'.repeat(schema.maxLength));
      if (schema.type === 'object' || schema.properties)
        values.push({ ...(sample(doc, schema) as object), __x: 1 });
      if (schema.type === 'array')
        values.push(
          Array.from({ length: 6_000 }, () => 'x'),
          [STRINGS[1]],
        );
      for (const v of values)
        probes.push({
          op,
          what: `body ${name}=${JSON.stringify(v)?.slice(0, 16)}`,
          path: pathWith(op),
          body: JSON.stringify({ ...obj, [name]: v }),
        });
    }
    const whole = baseText ?? '{}';
    const inject = (extra: string) =>
      whole.startsWith('{') && whole !== '{}' ? `{${extra},${whole.slice(1)}` : `{${extra}}`;
    for (const [what, body] of [
      ['__proto__ key', inject('"__proto__":{"isAdmin":true}')],
      ['constructor.prototype key', inject('"constructor":{"prototype":{"isAdmin":true}}')],
      ['nested prototype key', '{"email":{"constructor":{"prototype":{}}}}'],
      ['unknown key', inject('"colour":"red"')],
      ['deep nesting 10000', `{"a":${DEEP}}`],
      ['deep array body', DEEP],
      ['array body', '[]'],
      ['string body', '"x"'],
      ['null body', 'null'],
      ['malformed JSON', '{"a":'],
      ['NUL key', inject('"a\\u0000b":1')],
      ['lone surrogate key', inject('"\\ud800":1')],
    ] as const)
      probes.push({ op, what, path: pathWith(op), body });
  }
  return probes;
}

describe('fuzzing every operation of the OpenAPI document', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let doc: OpenApiDoc;
  let manager: Session;
  let admin: Session;

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({
      smtp,
      // The fuzzer is one client sending thousands of requests: lift the per-address rate limits.
      env: { API_RATE_LIMIT: '1000000', LOGIN_RATE_LIMIT: '1000000' },
    }).start();
    const s = await setupProgramme(stack, smtp, 'Fuzz');
    manager = s.manager;
    admin = s.admin;
    doc = await readOpenApi(stack);
  });

  afterAll(async () => {
    await stack?.stop();
    await smtp.stop();
  });

  it('answers no 5xx and only problem+json 4xx, whatever the input', async () => {
    // Signing out would end the fuzzer's own sessions: it is the one operation left out.
    const ops = operations(doc).filter((op) => op.path !== '/auth/logout');
    expect(ops.length).toBeGreaterThan(100);
    const probes = ops.flatMap((op) => probesOf(doc, op));
    const failures: string[] = [];
    const notProblem: string[] = [];
    const byStatus = new Map<number, number>();
    let sent = 0;
    await pool(probes, 6, async (p) => {
      // Writes go as a programme manager (an org admin), so the validation of real routes is reached;
      // admin-only routes as the platform admin.
      const who = p.op.path.startsWith('/admin') || p.op.path.startsWith('/organizations') ? admin : manager;
      const url = p.path + (p.query ? `?${p.query}` : '');
      let req = stack.http()[p.op.method](url).set(bearer(who)).set('Accept', 'application/json');
      for (const [k, v] of Object.entries(p.headers ?? {})) req = req.set(k, v);
      if (p.op.method === 'patch' || p.op.method === 'put') req = req.set('If-Match', '"1"');
      if (p.body !== undefined) req = req.set('Content-Type', 'application/json').send(p.body);
      const res = await req.ok(() => true);
      sent++;
      byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
      const line = `${p.op.method.toUpperCase()} ${p.op.path} [${p.what}] → ${res.status}`;
      if (res.status >= 500) failures.push(`${line} ${JSON.stringify(res.body).slice(0, 200)}`);
      else if (res.status >= 400 && !/^application\/problem\+json/.test(String(res.headers['content-type'])))
        notProblem.push(`${line} (${res.headers['content-type']})`);
    });
    process.stdout.write(
      `fuzz: ${sent} requests over ${ops.length} operations; statuses ${JSON.stringify(Object.fromEntries([...byStatus].sort()))}\n`,
    );
    expect({ failures: failures.slice(0, 30), count: failures.length }).toEqual({ failures: [], count: 0 });
    expect({ notProblem: notProblem.slice(0, 30), count: notProblem.length }).toEqual({
      notProblem: [],
      count: 0,
    });
    // Routes that take no body refuse one with a field in it (unknown fields are 400 everywhere).
    for (const op of ops.filter((o) => !o.body && o.method !== 'get' && o.method !== 'delete')) {
      const res = await stack.http()[op.method](pathWith(op)).set(bearer(manager)).send({ colour: 'red' });
      expect({
        op: `${op.method} ${op.path}`,
        status: res.status,
        field: res.body.errors?.[0]?.field,
      }).toEqual({
        op: `${op.method} ${op.path}`,
        status: 400,
        field: 'colour',
      });
    }
    // The api is still healthy afterwards.
    await stack.http().get('/health/ready').expect(200);
  }, 600_000);
});
