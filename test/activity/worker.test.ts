/** The worker process refuses a bad environment with the variable named and exit code 1. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../testkit/tools';

test('a bad environment exits 1 with the ConfigError message, without echoing values', () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'workers/worker.ts')], {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH,
      TWILIO_ACCOUNT_SID: 'not-a-sid',
      TWILIO_AUTH_TOKEN: 'geheim-token-123',
      WORKER_MAX_CACHED_WORKFLOWS: '1',
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('Invalid configuration');
  expect(result.stderr).toContain('TWILIO_ACCOUNT_SID must be "AC" followed by 32 hex characters');
  expect(result.stderr).toContain('LINK_SECRET is required but not set');
  expect(result.stderr).toContain(
    'WORKER_MAX_CACHED_WORKFLOWS: WORKER_MAX_CACHED_WORKFLOWS must be at least 2',
  );
  expect(result.stderr).not.toContain('not-a-sid');
});
