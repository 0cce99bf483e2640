// ESLint for the component's JavaScript (frontend/), run by `make check`: the recommended rules and a few more.
import js from '@eslint/js';
import globals from 'globals';

export default [
  {ignores: ['blackjanuary/component/**', 'node_modules/**', 'test-artifacts/**', '.venv/**']},
  js.configs.recommended,
  {
    files: ['frontend/**/*.js', 'frontend/**/*.mjs'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {...globals.browser, TEST_HOOKS: 'readonly'},
    },
    rules: {
      'eqeqeq': 'error',
      'no-var': 'error',
      'prefer-const': 'error',
      'no-shadow': 'error',
      'no-unused-vars': ['error', {argsIgnorePattern: '^_'}],
    },
  },
  {
    files: ['frontend/build.mjs', 'frontend/test/**'],
    languageOptions: {globals: {...globals.node}},
  },
];
