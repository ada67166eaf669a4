// Loaded by apps/api/src/tracing.ts and apps/worker/src/tracing.ts, which main.ts imports before
// anything else: the instrumentations patch `http`, `express`, `pg`, `ioredis` and `pino` when
// those are first required, so this must run before Nest (or TypeORM, BullMQ, nestjs-pino) loads.
// For the same reason it imports nothing from the rest of @tandem/core, and reads its OTEL_*
// variables from the environment itself (the OpenTelemetry convention, before AppConfig exists).
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  SpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { FileSpanExporter } from './file-span-exporter';

const UNTRACED_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

let provider: TracerProvider | undefined;

/**
 * Starts tracing when OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT) is set: spans go over
 * OTLP http/protobuf in batches. OTEL_TEST_SPAN_FILE (e2e tests only) appends them to a file.
 * With neither, nothing is registered and @opentelemetry/api stays a no-op: no patching, no spans,
 * nothing stored in outbox rows or jobs.
 */
export function startTracing(serviceName: string): boolean {
  const env = process.env;
  const otlp = env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const testFile = env.OTEL_TEST_SPAN_FILE;
  if (env.OTEL_SDK_DISABLED === 'true' || (!otlp && !testFile) || provider) return !!provider;

  const spanProcessors: SpanProcessor[] = [];
  // The exporter reads the endpoint, headers and timeout from the standard OTEL_EXPORTER_OTLP_* variables.
  if (otlp) spanProcessors.push(new BatchSpanProcessor({ exporter: new OTLPTraceExporter() }));
  if (testFile) spanProcessors.push(new SimpleSpanProcessor({ exporter: new FileSpanExporter(testFile) }));
  provider = new TracerProvider({
    resource: resourceFromAttributes({
      'service.name': env.OTEL_SERVICE_NAME || serviceName,
      ...(env.npm_package_version ? { 'service.version': env.npm_package_version } : {}),
    }),
    spanProcessors,
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0]),
      }),
      new ExpressInstrumentation(),
      // Only inside a traced operation: the relay's polling and BullMQ's blocking reads would
      // otherwise make a root trace every few hundred milliseconds.
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
      // Adds trace_id, span_id and trace_flags to every log line written inside a span.
      new PinoInstrumentation({ disableLogSending: true }),
    ],
  });
  return true;
}

/** Flushes and stops the exporters (called at shutdown, so the last spans are not lost). */
export async function stopTracing(): Promise<void> {
  const p = provider;
  provider = undefined;
  await p?.shutdown().catch(() => undefined);
}
