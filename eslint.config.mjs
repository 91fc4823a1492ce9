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
    // Blind means blind on the wire: the server sends to clients only through its typed
    // publisher, which takes each event only for its audience (lib/protocol/audiences.ts).
    files: ['server/**/*.ts'],
    ignores: ['server/realtime/publish.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='emit'][callee.object.name=/^(socket|io)$/]",
          message: 'Send through server/realtime/publish.ts (`sender`, `publish`).',
        },
        {
          selector:
            "CallExpression[callee.property.name='emit'][callee.object.callee.property.name=/^(to|in|except)$/]",
          message: 'Send through server/realtime/publish.ts (`sender`, `publish`).',
        },
      ],
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
