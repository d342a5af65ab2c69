// ESLint for the whole repository (`npm run lint`, zero warnings, run by .ci/run before the tests).
// TypeScript gets typescript-eslint's type-checked rules through the project service (the types of
// tsconfig.json); plain JavaScript (build scripts, jest's config, the browser scripts) gets the
// untyped rules. eslint-config-prettier comes last: layout is Prettier's job, not ESLint's.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // What .gitignore leaves out (built, generated or local), and drizzle-kit's generated migrations.
  globalIgnores(['dist/', 'coverage/', 'data/', 'tmp/', 'static/bench/', 'db/migrations/']),
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // express tells an error handler by its four parameters, and a rest pattern drops a field on
      // purpose: a leading underscore marks what is kept only for its position.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `||` on a text is deliberate here: an empty environment variable or a blank trimmed field
      // means « not given », which `??` would keep. Likewise for a boolean, where `||` is the logic.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true, boolean: true } }],
    },
  },
  {
    // supertest gives a response's body as `any`, as JSON.parse does: the tests read what a client
    // gets, and their expect() calls are the check of its shape. Casting it to a type first would
    // assert, unchecked, the very shape the test is there to verify.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Node's own JavaScript: the build and start scripts (ES modules), jest's config and reporter
    // (CommonJS).
    files: ['**/*.mjs', '*.js', 'test/**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['*.js', 'test/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    // The pages' own scripts: classic browser scripts (no modules), Chart.js on `window`.
    files: ['static/**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  prettier,
);
