// What the rest of the code uses: the API helpers (a no-op when tracing is off) and the shutdown hook.
// The SDK itself is started by the apps' tracing.ts, which imports ./tracing directly.
export * from './trace-context';
export * from './tracing-shutdown';
