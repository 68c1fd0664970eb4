import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.tools/**', '.data/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no Node or I/O modules there.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['node:*', 'fs', 'path', 'net', 'http', 'https', 'child_process', 'crypto', 'nodemailer', 'twilio', 'pino', 'zod', '../activities/*', '../intake/*', '../config/*'],
        },
      ],
    },
  },
  {
    // Scripts, CLIs and tests may print to the terminal.
    files: ['scripts/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'intake/cli.ts'],
    rules: { 'no-console': 'off' },
  },
);
