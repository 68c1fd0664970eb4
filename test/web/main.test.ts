/**
 * The process entry: a bad environment stops the service before anything starts, naming the
 * variables and never echoing a secret.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../testkit/tools';

test('a bad environment exits 1 with the ConfigError message', () => {
  const result = spawnSync(
    process.execPath,
    [join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'web/main.ts'],
    {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, LINK_SECRET: 'too-short-secret-value' },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('Invalid configuration');
  expect(result.stderr).toContain('LINK_SECRET');
  expect(result.stderr).toContain('STAFF_ACCOUNTS_FILE is required but not set');
  expect(result.stderr).toContain('PUBLIC_BASE_URL is required but not set');
  expect(result.stderr).not.toContain('too-short-secret-value');
});
