import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { captureTraceContext, contextFrom, traceMetadata, withSpan } from './trace-context';

describe('trace context helpers', () => {
  describe('with tracing off (no SDK registered)', () => {
    it('captures nothing, so no outbox row or job carries a context', async () => {
      await withSpan('anything', async () => {
        expect(captureTraceContext()).toBeNull();
      });
      expect(traceMetadata.encode(captureTraceContext())).toBeUndefined();
    });
  });

  describe('with tracing on', () => {
    const exporter = new InMemorySpanExporter();
    let provider: TracerProvider;

    beforeAll(() => {
      provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
      context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
      propagation.setGlobalPropagator(new W3CTraceContextPropagator());
      trace.setGlobalTracerProvider(provider);
    });

    afterAll(async () => {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    });

    it('a stored context (outbox row, job metadata) makes the next span its child, across a round trip', async () => {
      const stored = await withSpan('request', async () => traceMetadata.encode(captureTraceContext()));
      expect(stored).toMatch(/"traceparent":"00-[0-9a-f]{32}-[0-9a-f]{16}-01"/);
      await withSpan('job', async () => undefined, { parent: contextFrom(traceMetadata.decode(stored)) });
      const [request, job] = exporter.getFinishedSpans();
      expect(job.spanContext().traceId).toBe(request.spanContext().traceId);
      expect(job.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    });

    it('records a thrown error on the span and rethrows it', async () => {
      exporter.reset();
      await expect(withSpan('failing', () => Promise.reject(new Error('smtp down')))).rejects.toThrow(
        'smtp down',
      );
      const [span] = exporter.getFinishedSpans();
      expect(span.status).toEqual({ code: 2, message: 'smtp down' });
    });

    it('ignores metadata that is not a carrier', () => {
      expect(traceMetadata.decode('not json')).toBeNull();
      expect(traceMetadata.decode('{"x":1}')).toBeNull();
      expect(traceMetadata.decode(undefined)).toBeNull();
    });
  });
});
