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
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'fs',
                'path',
                'net',
                'http',
                'https',
                'child_process',
                'crypto',
                'nodemailer',
                'twilio',
                'pino',
                'zod',
              ],
              message: 'workflow code reaches the world only through activities',
            },
            // The domain's zod schemas would pull zod into the sandbox; the plain checks they are
            // built from (domain/vocabulary.ts, domain/incidentTime.ts) are for workflow code.
            {
              group: ['../domain/intakeSchema', '../domain/decisionSchemas'],
              message:
                'zod schemas are not for workflow code: use domain/vocabulary.ts or domain/incidentTime.ts',
            },
            // Types from these folders are fine (erased at compile time); code is not.
            {
              group: [
                '../activities/*',
                '../config/*',
                '../cases/*',
                '../web/*',
                '../regions/*',
                '../caseFile/*',
              ],
              allowTypeImports: true,
              message: 'workflow code may import only types from here',
            },
          ],
        },
      ],
    },
  },
  {
    // Scripts, CLIs and tests may print to the terminal.
    files: ['scripts/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'testkit/**/*.ts', 'cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
