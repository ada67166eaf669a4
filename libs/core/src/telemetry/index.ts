// What the rest of the code uses: no SDK here, only the API (a no-op when tracing is off).
export * from './trace-context';
