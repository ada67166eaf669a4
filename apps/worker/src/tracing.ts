// Imported first by main.ts: OpenTelemetry must patch http, express, pg, ioredis and pino before
// Nest and the libraries load them. Off (a no-op) unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
import { startTracing } from '@tandem/core/telemetry/tracing';

startTracing('tandem-worker');
