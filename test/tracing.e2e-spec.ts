import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bearer, onboardUser, Session } from './support/fixtures';
import { ProgrammeSetup, setupProgramme } from './support/programmes';
import { TestSmtpServer } from './support/smtp';
import { ancestry, readSpans, SpanRecord, waitForSpan } from './support/spans';
import { TestStack } from './support/stack';

async function waitForMail(smtp: TestSmtpServer, to: string, subject: RegExp) {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const found = smtp.to(to).find((m) => subject.test(m.subject));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no e-mail to ${to} matching ${subject}`);
}

const SERVER = 1; // SpanKind.SERVER
const PRODUCER = 3;
const CONSUMER = 4;

describe('tracing: one W3C trace from the HTTP request through the outbox and the jobs to the e-mail', () => {
  const smtp = new TestSmtpServer();
  const spanFile = path.join(mkdtempSync(path.join(tmpdir(), 'tandem-spans-')), 'spans.jsonl');
  let stack: TestStack;
  let s: ProgrammeSetup;
  let assignee: Session;

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({ smtp, env: { OTEL_TEST_SPAN_FILE: spanFile } }).start();
    s = await setupProgramme(stack, smtp, 'Traced Programme');
    assignee = await onboardUser(
      stack,
      smtp,
      s.implementer.session,
      s.implementer.organizationId,
      'traced.assignee@implementer.test',
      'member',
    );
  });

  afterAll(async () => {
    await stack?.stop();
    await smtp.stop();
  });

  it('POST /programmes/{id}/tasks → outbox relay → fan-out job → e-mail job → SMTP send, one trace', async () => {
    // The caller's own trace context (W3C traceparent): the api continues it.
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const res = await stack
      .http()
      .post(`/programmes/${s.programmeId}/tasks`)
      .set(bearer(s.manager))
      .set('traceparent', `00-${traceId}-${callerSpanId}-01`)
      .send({
        title: 'Book the interpreters',
        assigneeOrganizationId: s.implementer.organizationId,
        assigneeUserId: assignee.userId,
      });
    expect(res.status).toBe(201);

    // The outbox row stored the request's context in the same transaction as the task.
    const events = await stack.query<{ type: string; trace_context: { traceparent: string } | null }>(
      `SELECT type, trace_context FROM outbox_events WHERE payload->'subject'->>'id' = $1`,
      [res.body.id],
    );
    expect(events.length).toBeGreaterThan(0);
    for (const e of events)
      expect(e.trace_context?.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    const mail = await waitForMail(smtp, assignee.email, /Book the interpreters/);
    const smtpSpan = await waitForSpan(
      spanFile,
      (x) => x.name === 'smtp.send' && x.attributes['tandem.email.message_id'] === mail.messageId,
    );
    expect(smtpSpan.traceId).toBe(traceId);
    expect(smtpSpan.service).toBe('tandem-worker');

    const trace = readSpans(spanFile).filter((x) => x.traceId === traceId);
    const chain = ancestry(trace, smtpSpan);
    const brief = (x: SpanRecord) => `${x.service}:${x.name}`;
    // Nearest first: the send, the e-mail batch job, the fan-out job that enqueued it, the relay span
    // that enqueued the fan-out, then the api's spans up to the HTTP server span.
    expect(chain.slice(0, 4).map(brief)).toEqual([
      'tandem-worker:smtp.send',
      'tandem-worker:job notification.email-batch',
      'tandem-worker:job notification.fan-out',
      'tandem-worker:outbox.relay notification.fan-out',
    ]);
    expect(chain[1].kind).toBe(CONSUMER);
    expect(chain[2].kind).toBe(CONSUMER);
    expect(chain[3].kind).toBe(PRODUCER);
    const server = chain.find((x) => x.kind === SERVER);
    expect(server).toBeDefined();
    expect(server!.service).toBe('tandem-api');
    expect(server!.attributes['http.request.method'] ?? server!.attributes['http.method']).toBe('POST');
    expect(String(server!.attributes['http.route'])).toMatch(/programmes\/:id\/tasks/);
    // The top of the chain is the HTTP server span, whose parent is the caller's span.
    expect(chain[chain.length - 1]).toBe(server);
    expect(server!.parentSpanId).toBe(callerSpanId);

    // PostgreSQL and Redis spans from the maintained instrumentations, in the same trace.
    const dbSystem = (x: SpanRecord) => x.attributes['db.system.name'] ?? x.attributes['db.system'];
    for (const service of ['tandem-api', 'tandem-worker'])
      expect(trace.some((x) => x.service === service && dbSystem(x) === 'postgresql')).toBe(true);
    for (const service of ['tandem-api', 'tandem-worker'])
      expect(trace.some((x) => x.service === service && dbSystem(x) === 'redis')).toBe(true);
  });

  it('log lines written inside a span carry its trace and span ids', async () => {
    const smtpSpans = readSpans(spanFile).filter((x) => x.name === 'smtp.send');
    const last = smtpSpans[smtpSpans.length - 1];
    // MailService logs "email sent" inside the e-mail batch job's span.
    const lines = stack
      .recentLogs()
      .split('\n')
      .filter((l) => l.includes('"email sent"') && l.includes(last.traceId));
    expect(lines.length).toBeGreaterThan(0);
    const line = JSON.parse(lines[0].slice(lines[0].indexOf('{'))) as { trace_id: string; span_id: string };
    expect(line.trace_id).toBe(last.traceId);
    expect(line.span_id).toMatch(/^[0-9a-f]{16}$/);
  });
});
