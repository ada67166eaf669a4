// ESLint (flat config): typescript-eslint's recommended rules; formatting is Prettier's job.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      '.local/',
      '.test/',
      'tmp/',
      'coverage/',
      'libs/database/src/migrations/*-*.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        AbortSignal: 'readonly',
        AbortController: 'readonly',
        clearInterval: 'readonly',
        globalThis: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  // SQL lives in *.repository.ts (docs/structure.md): services and job handlers hold the rules and
  // call repositories, so `.query(` in them fails the lint.
  {
    files: ['{apps,libs}/**/*.service.ts', '{apps,libs}/**/*handler*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='query']",
          message: 'No SQL in services or handlers: put the query in the owning library’s *.repository.ts.',
        },
      ],
    },
  },
  // The launcher strips terminal colour codes from child output.
  { files: ['scripts/**/*.mjs'], rules: { 'no-control-regex': 'off' } },
  prettier,
);
