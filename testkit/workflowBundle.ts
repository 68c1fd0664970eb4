/**
 * The workflow code, bundled once per test run and shared by every test file that runs a worker
 * or replays a history. Bundling takes seconds of CPU; done once per file it was a large part of
 * the suite's time on a 2-core machine.
 *
 * Under jest, `sharedBundleSetup` (the global setup) hands every test file a folder for this run.
 * The first file to need the bundle takes a lock there, bundles and writes the code; the others
 * wait for the file and read it. Without that folder (a script run with tsx) the process bundles
 * for itself. A bundle never outlives its run, so it always matches the code under test.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { projectRoot } from './tools';

/** The environment variable that carries this run's bundle folder to the test files. */
const RUN_DIR_VARIABLE = 'CSG_TEST_BUNDLE_DIR';
/** Longer than bundling takes on a loaded machine; a file waiting longer bundles for itself. */
const WAIT_FOR_OTHER_MS = 90_000;

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (message: string, meta?: unknown) => console.error(message, meta),
};

function bundleHere(): Promise<WorkflowBundleWithSourceMap> {
  // The same failure converter as the worker's (failure messages encoded, then encrypted).
  return bundleWorkflowCode({
    workflowsPath: join(projectRoot, 'workflows'),
    failureConverterPath: join(projectRoot, 'config', 'failureConverter.ts'),
    logger: quietLogger,
  });
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** The bundled workflow code, for `Worker.create` and `Worker.runReplayHistory`. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= sharedBundle();
  return bundle;
}

async function sharedBundle(): Promise<WorkflowBundleWithSourceMap> {
  const dir = process.env[RUN_DIR_VARIABLE];
  if (!dir || !existsSync(dir)) return bundleHere();
  const code = join(dir, 'workflows.js');
  const sourceMap = join(dir, 'workflows.js.map');
  const read = () => ({ code: readFileSync(code, 'utf8'), sourceMap: readFileSync(sourceMap, 'utf8') });
  if (existsSync(code)) return read();
  let mine = false;
  try {
    closeSync(openSync(join(dir, 'lock'), 'wx'));
    mine = true;
  } catch {
    // Another test file is bundling.
  }
  if (mine) {
    const built = await bundleHere();
    // Written under other names first: a reader sees the whole file or none.
    writeFileSync(`${sourceMap}.part`, built.sourceMap);
    renameSync(`${sourceMap}.part`, sourceMap);
    writeFileSync(`${code}.part`, built.code);
    renameSync(`${code}.part`, code);
    return built;
  }
  const until = Date.now() + WAIT_FOR_OTHER_MS;
  while (!existsSync(code)) {
    if (Date.now() > until) return bundleHere();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return read();
}

/** Jest global setup: a fresh folder for this run's bundle (nothing is bundled until a file asks). */
export function sharedBundleSetup(): void {
  const data = join(projectRoot, '.data');
  mkdirSync(data, { recursive: true });
  // Folders of runs that were killed before their teardown.
  for (const name of readdirSync(data)) {
    const pid = /^workflow-bundle-(\d+)$/.exec(name)?.[1];
    if (pid && !isRunning(Number(pid))) rmSync(join(data, name), { recursive: true, force: true });
  }
  const dir = join(data, `workflow-bundle-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  process.env[RUN_DIR_VARIABLE] = dir;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Jest global teardown: the run's bundle goes with it. */
export function sharedBundleTeardown(): void {
  const dir = process.env[RUN_DIR_VARIABLE];
  if (dir) rmSync(dir, { recursive: true, force: true });
}
