// Builds the web console to dist/apps/web; the api serves it under /app (apps/api/src/web-console.ts).
// JSX is compiled by Vite's own transformer (tsconfig "jsx": "react-jsx"); no React plugin is
// needed for a production build.
import path from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: __dirname,
  base: '/app/',
  build: {
    outDir: path.resolve(__dirname, '../../dist/apps/web'),
    emptyOutDir: true,
    sourcemap: true,
    // The manifest names each entry's chunks: scripts/compress-web.mjs sums the first screen's.
    manifest: true,
    chunkSizeWarningLimit: 1024,
    rollupOptions: {
      // react-router marks its modules "use client" (for server components); meaningless in an SPA bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    // `npx vite apps/web` during development: API calls go to a running api.
    proxy: Object.fromEntries(
      [
        '/auth',
        '/me',
        '/programmes',
        '/tasks',
        '/indicators',
        '/consultations',
        '/participants',
        '/placements',
        '/check-ins',
        '/notifications',
        '/organizations',
        '/invitations',
        '/audit-events',
        '/reports',
        '/report-schedules',
        '/admin',
        '/health',
      ].map((p) => [p, process.env.TANDEM_API ?? 'http://127.0.0.1:3000']),
    ),
  },
});
