// Allowed dependencies between the apps and libraries (docs/structure.md). `npm run lint` runs it.
// Each library lists the libraries it may import, always through their index (`@tandem/<lib>`);
// anything else, a deep import into another library's src, or any cycle fails the lint.
/** library → libraries it may depend on (besides itself) */
const ALLOWED = {
  core: [],
  audit: ['core'],
  // The invitation e-mail is sent by notifications; auth only publishes its event (issue 12).
  notifications: ['core', 'audit', 'stakeholders', 'auth'],
  stakeholders: ['core', 'audit'],
  auth: ['core', 'audit', 'stakeholders'],
  programmes: ['core', 'audit', 'stakeholders', 'auth', 'notifications'],
  tasks: ['core', 'audit', 'stakeholders', 'auth', 'notifications', 'programmes'],
  consultations: ['core', 'audit', 'stakeholders', 'auth', 'notifications', 'programmes'],
  placements: ['core', 'audit', 'stakeholders', 'auth', 'notifications', 'programmes'],
  // A read model above programmes and tasks (docs/structure.md).
  dashboard: ['core', 'audit', 'stakeholders', 'auth', 'programmes', 'tasks'],
  // Measuring (issue 19): profiles list programmes, the question bank copies into consultations.
  indicators: ['core', 'audit', 'stakeholders', 'auth', 'notifications', 'programmes', 'consultations'],
  // Public pages (issue 20): reads what owners made public, through the owners' exports; owns no table.
  'public-pages': ['core', 'stakeholders', 'programmes', 'consultations', 'good-ideas', 'indicators'],
  reporting: [
    'core',
    'audit',
    'stakeholders',
    'auth',
    'notifications',
    'programmes',
    'tasks',
    'consultations',
    'placements',
    'dashboard',
    'indicators',
  ],
};
const LIBS = ['core', 'database', ...Object.keys(ALLOWED).filter((l) => l !== 'core')];
const alt = (xs) => `(${xs.join('|')})`;

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A cycle between modules (within or across libraries) makes the order of loading matter. ' +
        'Type-only imports (an entity naming its inverse side) vanish at compile time and are allowed.',
      from: { path: '^(apps|libs)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'libs-not-apps',
      severity: 'error',
      comment: 'Libraries never import an app.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'database-only-from-apps',
      severity: 'error',
      comment: 'libs/database lists every entity and migration; only apps (and tests) import it.',
      from: { path: '^libs/', pathNot: '^libs/database/' },
      to: { path: '^libs/database/' },
    },
    {
      name: 'no-deep-imports',
      severity: 'error',
      comment: 'Another library is reached through its index.ts only (`@tandem/<lib>`), never its files.',
      from: { path: '^(apps|libs)/([^/]+)/' },
      to: {
        path: '^libs/([^/]+)/src/.+',
        // telemetry/tracing.ts: the apps' tracing.ts preloads it before anything else, so it must not
        // go through @tandem/core's index (which loads pg, ioredis and typeorm before they are patched).
        pathNot: ['^libs/$2/', '^libs/[^/]+/src/index\\.ts$', '^libs/core/src/telemetry/tracing\\.ts$'],
      },
    },
    ...Object.entries(ALLOWED).map(([lib, allowed]) => ({
      name: `${lib}-allowed-deps`,
      severity: 'error',
      comment: `libs/${lib} may depend on: ${allowed.join(', ') || 'nothing'}.`,
      from: { path: `^libs/${lib}/` },
      to: {
        path: `^libs/${alt(LIBS)}/`,
        pathNot: `^libs/${alt([lib, ...allowed])}/`,
      },
    })),
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|dist|^apps/web/)' },
    combinedDependencies: false,
  },
};
