import {
  context,
  Context,
  propagation,
  ROOT_CONTEXT,
  Span,
  SpanKind,
  SpanStatusCode,
  trace,
  Attributes,
} from '@opentelemetry/api';

/**
 * W3C trace context as it travels outside a process: in an outbox row (`trace_context`) and in a
 * BullMQ job's `opts.telemetry.metadata`. Null when tracing is off, so nothing is stored then.
 */
export interface TraceCarrier {
  traceparent?: string;
  tracestate?: string;
}

const tracer = () => trace.getTracer('tandem');

/** The active span's context as `traceparent`/`tracestate`, or null when nothing is being traced. */
export function captureTraceContext(): TraceCarrier | null {
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? carrier : null;
}

/** The context a carrier describes (the root context for none), to start a child span in. */
export function contextFrom(carrier: TraceCarrier | null | undefined): Context {
  return carrier?.traceparent ? propagation.extract(ROOT_CONTEXT, carrier) : ROOT_CONTEXT;
}

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /** Start under this context instead of the active one (a stored outbox/job context). */
  parent?: Context;
}

/**
 * Runs `fn` inside a new span (active for everything `fn` awaits), records a thrown error on it
 * and ends it. With tracing off the API's no-op tracer makes this a plain call.
 */
export async function withSpan<T>(
  name: string,
  fn: (span: Span) => Promise<T>,
  options: SpanOptions = {},
): Promise<T> {
  const parent = options.parent ?? context.active();
  return tracer().startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes },
    parent,
    async (span) => {
      try {
        return await fn(span);
      } catch (err) {
        span.recordException(err as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
        throw err;
      } finally {
        span.end();
      }
    },
  );
}

/** Serialises/parses the carrier for BullMQ's `opts.telemetry.metadata` (a string by its type). */
export const traceMetadata = {
  encode(carrier: TraceCarrier | null): string | undefined {
    return carrier ? JSON.stringify(carrier) : undefined;
  },
  decode(metadata: string | undefined): TraceCarrier | null {
    if (!metadata) return null;
    try {
      const parsed = JSON.parse(metadata) as TraceCarrier;
      return typeof parsed?.traceparent === 'string' ? parsed : null;
    } catch {
      return null;
    }
  },
};

export { SpanKind };
