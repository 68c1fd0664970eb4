/**
 * A process started with a bad configuration stops at once with a message that names each bad
 * variable and what it expects, and exits non-zero; it never runs half-configured.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../testkit/tools';

jest.setTimeout(60_000);

function run(entry: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(projectRoot, 'node_modules', '.bin', 'tsx'), [entry], {
      cwd: projectRoot,
      // Only what a shell would have: PATH and HOME, plus the variables under test.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const badEnv = {
  SMTP_PORT: 'not-a-port',
  TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
  TWILIO_AUTH_TOKEN: 'token',
  TWILIO_FROM_NUMBER: '+3197010000000',
  PUBLIC_BASE_URL: 'http://localhost:3000',
  STAFF_ACCOUNTS_FILE: 'testkit/processAccounts.json',
  SESSION_SECRET: 's'.repeat(40),
  // LINK_SECRET deliberately missing
};

describe.each([
  ['worker', 'workers/worker.ts'],
  ['intake service', 'web/main.ts'],
])('%s with a bad configuration', (_name, entry) => {
  test('exits 1 naming every bad variable and what it expects', async () => {
    const { code, output } = await run(entry, badEnv);
    expect(code).toBe(1);
    expect(output).toMatch(/SMTP_PORT.*whole number between 1 and 65535/);
    expect(output).toContain('LINK_SECRET is required but not set');
  });
});

test('the codec server with a bad configuration exits 1 naming each variable, never echoing a key', async () => {
  const { code, output } = await run('codec/main.ts', {
    PAYLOAD_KEYS: 'k1:not-a-32-byte-key',
    CODEC_PUBLIC_URL: 'http://localhost:8234',
    CODEC_UI_ORIGINS: 'http://localhost:8233/some/path',
    STAFF_ACCOUNTS_FILE: 'testkit/processAccounts.json',
    CODEC_TEMPORAL_UI_URL: 'not a url',
  });
  expect(code).toBe(1);
  expect(output).toContain('PAYLOAD_KEYS must be "id:key" pairs');
  expect(output).toContain('CODEC_UI_ORIGINS must be the Temporal UI origins');
  expect(output).toContain('CODEC_TEMPORAL_UI_URL must be the URL of the Temporal Web UI');
  expect(output).not.toContain('not-a-32-byte-key');
});

test('the npm scripts (demo, cli, worker) get the development payload keys intact', async () => {
  // scripts/with-dev-env.sh reads .data/payload-keys.env (made by the install step); a base64 key
  // ends in "=", which a naive KEY=VALUE split drops, and every process would then refuse to start.
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(
      'bash',
      [
        'scripts/with-dev-env.sh',
        process.execPath,
        '--import',
        'tsx',
        '-e',
        "const { loadTemporalSettings } = require('./config/temporal'); const s = loadTemporalSettings(); process.stdout.write(s.PAYLOAD_KEYS.currentKeyId + ' ' + s.PAYLOAD_KEYS.keys.size);",
      ],
      {
        cwd: projectRoot,
        env: { PATH: process.env.PATH, HOME: process.env.HOME },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let text = '';
    child.stdout.on('data', (d) => (text += String(d)));
    child.stderr.on('data', (d) => (text += String(d)));
    child.on('exit', (exitCode) => resolve({ code: exitCode, output: text }));
  });
  expect(output).toMatch(/^\S+ [1-9]\d*$/);
  expect(code).toBe(0);
});

test('the worker with bad metrics ports exits 1 naming them; the intake refuses a short METRICS_TOKEN', async () => {
  const worker = await run('workers/worker.ts', {
    ...badEnv,
    WORKER_METRICS_PORT: '70000',
    WORKER_SDK_METRICS_PORT: 'x',
  });
  expect(worker.code).toBe(1);
  expect(worker.output).toMatch(/WORKER_METRICS_PORT.*whole number between 1 and 65535/);
  expect(worker.output).toMatch(/WORKER_SDK_METRICS_PORT.*whole number between 1 and 65535/);
  const same = await run('workers/worker.ts', {
    ...badEnv,
    WORKER_METRICS_PORT: '9999',
    WORKER_SDK_METRICS_PORT: '9999',
  });
  expect(same.output).toContain('WORKER_SDK_METRICS_PORT: must differ from WORKER_METRICS_PORT');
  const intake = await run('web/main.ts', { ...badEnv, METRICS_TOKEN: 'short' });
  expect(intake.code).toBe(1);
  expect(intake.output).toContain('METRICS_TOKEN must be at least 24 characters');
  expect(intake.output).not.toContain('short');
});

test('in production the npm scripts take nothing from scripts/dev.env: a missing secret stops the process, named', async () => {
  // The review's case: NODE_ENV=production with the secrets unset. Filled from the public dev.env,
  // the intake would have started with its session secret and staff passwords, and the worker
  // would have sent the Twilio token in clear to TWILIO_API_BASE_URL=http://localhost:4010.
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(
      'bash',
      ['scripts/with-dev-env.sh', process.execPath, '--import', 'tsx', 'web/main.ts'],
      {
        cwd: projectRoot,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let text = '';
    child.stdout.on('data', (d) => (text += String(d)));
    child.stderr.on('data', (d) => (text += String(d)));
    child.on('exit', (exitCode) => resolve({ code: exitCode, output: text }));
  });
  expect(code).toBe(1);
  for (const name of [
    'SESSION_SECRET',
    'LINK_SECRET',
    'STAFF_ACCOUNTS_FILE',
    'TWILIO_AUTH_TOKEN',
    'PAYLOAD_KEYS',
  ]) {
    expect(output).toContain(`${name} is required but not set`);
  }
  expect(output).not.toMatch(/dev-(session|link|twilio)/);
});
