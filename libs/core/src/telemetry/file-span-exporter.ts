import { ExportResult, ExportResultCode, hrTimeToMicroseconds } from '@opentelemetry/core';
import { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import { appendFileSync } from 'node:fs';

/** One finished span as a line of OTEL_TEST_SPAN_FILE. */
export interface SpanRecord {
  service: string;
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  startUs: number;
  endUs: number;
  attributes: Record<string, unknown>;
}

/**
 * Test-only: appends every finished span to a file as JSON lines, so an e2e suite can read back
 * what the api and worker child processes traced. Used only when OTEL_TEST_SPAN_FILE is set, with
 * a SimpleSpanProcessor (one synchronous append per span: slow, and never meant for production).
 */
export class FileSpanExporter implements SpanExporter {
  constructor(private readonly file: string) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    try {
      const lines = spans.map((s) =>
        JSON.stringify({
          service: String(s.resource.attributes['service.name'] ?? ''),
          name: s.name,
          kind: s.kind,
          traceId: s.spanContext().traceId,
          spanId: s.spanContext().spanId,
          parentSpanId: s.parentSpanContext?.spanId ?? null,
          startUs: hrTimeToMicroseconds(s.startTime),
          endUs: hrTimeToMicroseconds(s.endTime),
          attributes: s.attributes,
        } satisfies SpanRecord),
      );
      appendFileSync(this.file, lines.map((l) => `${l}\n`).join(''));
      done({ code: ExportResultCode.SUCCESS });
    } catch (err) {
      done({ code: ExportResultCode.FAILED, error: err as Error });
    }
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
