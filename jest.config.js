// Four projects: unit specs beside the code (mocks only), integration specs beside the repositories
// (real PostgreSQL only), e2e suites in test/ (real api and worker
// processes, real PostgreSQL, Redis and SMTP), and browser tests of the web console in test/browser.
// `npm test` runs all three; see scripts/test.mjs.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const common = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  // e2e suites start processes and wait for e-mail: generous per-test limits (unit tests finish in ms anyway).
  testTimeout: 120000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      rootDir: '.',
      roots: ['<rootDir>/apps', '<rootDir>/libs'],
      testRegex: '\\.spec\\.ts$',
    },
    {
      // Repositories and SQL-heavy rules on a real PostgreSQL (no Redis, no HTTP): specs named
      // *.int-spec.ts beside the repository they test, each file its own copy of the migrated template.
      ...common,
      displayName: 'integration',
      rootDir: '.',
      roots: ['<rootDir>/apps', '<rootDir>/libs'],
      testRegex: '\\.int-spec\\.ts$',
      globalSetup: '<rootDir>/test/global-setup.mjs',
      globalTeardown: '<rootDir>/test/global-teardown.mjs',
    },
    {
      ...common,
      displayName: 'e2e',
      rootDir: '.',
      roots: ['<rootDir>/test'],
      testRegex: '\\.e2e-spec\\.ts$',
      globalSetup: '<rootDir>/test/global-setup.mjs',
      globalTeardown: '<rootDir>/test/global-teardown.mjs',
    },
    {
      // The web console in Debian's Chromium (playwright-core), against the real api and worker.
      ...common,
      displayName: 'browser',
      rootDir: '.',
      roots: ['<rootDir>/test/browser'],
      testRegex: '\\.browser-spec\\.ts$',
      globalSetup: '<rootDir>/test/browser/global-setup.mjs',
      globalTeardown: '<rootDir>/test/global-teardown.mjs',
    },
  ],
};
