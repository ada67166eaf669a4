import { existsSync, readFileSync } from 'node:fs';
import type { SpanRecord } from '../../libs/core/src/telemetry/file-span-exporter';

export type { SpanRecord };

/** Every span the api and worker have written to OTEL_TEST_SPAN_FILE so far. */
export function readSpans(file: string): SpanRecord[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as SpanRecord);
}

/** Polls the span file until `match` finds a span. */
export async function waitForSpan(
  file: string,
  match: (s: SpanRecord) => boolean,
  timeoutMs = 20_000,
): Promise<SpanRecord> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const found = readSpans(file).find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no matching span in ${file} within ${timeoutMs} ms`);
}

/** The span and its ancestors, nearest first, as far as the recorded spans go. */
export function ancestry(spans: SpanRecord[], span: SpanRecord): SpanRecord[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const chain: SpanRecord[] = [span];
  let parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined;
  while (parent && chain.length < 100) {
    chain.push(parent);
    parent = parent.parentSpanId ? byId.get(parent.parentSpanId) : undefined;
  }
  return chain;
}
