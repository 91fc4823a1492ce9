import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/** Next's recommended rules (React, hooks, a11y, TypeScript) plus a few of our own. */
const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['warn', { allow: ['warn', 'error', 'log'] }],
    },
  },
  {
    ignores: [
      '.next/**',
      '.next-*/**',
      '.server-build/**',
      'node_modules/**',
      'data/**',
      'e2e/artifacts/**',
      'bench/results/**',
      'next-env.d.ts',
    ],
  },
];

export default config;
