import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/dist-firebase/**', '**/dist-bench*/**', 'functions/lib/**', 'test-results/**', '.emulator-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Mantine's Loader and Skeleton are bare elements: a name on them without a role is not
    // announced (axe: aria-prohibited-attr). LoadingIndicator gives a loader its role.
    files: ['web/src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "JSXOpeningElement[name.name=/^(Loader|Skeleton)$/]:has(JSXAttribute[name.name='aria-label']):not(:has(JSXAttribute[name.name='role']))",
          message: 'A named Loader or Skeleton needs a role: use LoadingIndicator (web/src/app/LoadingIndicator.tsx).',
        },
      ],
    },
  },
  {
    // The domain is pure: no Firebase, no browser, no Node APIs.
    files: ['functions/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['firebase', 'firebase/*', 'firebase-admin', 'firebase-admin/*', 'firebase-functions', 'firebase-functions/*', 'node:*'], message: 'The domain stays pure: no Firebase or Node imports.' }] },
      ],
    },
  },
  {
    // Every Firebase SDK call of the web app lives in its adapter.
    files: ['web/src/**/*.{ts,tsx}'],
    ignores: ['web/src/backend/firebase/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['firebase', 'firebase/*'], message: 'Firebase calls belong in web/src/backend/firebase.' }] },
      ],
    },
  },
);
