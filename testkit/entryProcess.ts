/**
 * A process entry point (the worker, the intake service, the codec server) run as its own process,
 * as production runs it, with only the environment a test hands it; everything it prints is kept.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './tools';

export interface RunningEntry {
  pid: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  exited: Promise<number | null>;
  /** SIGTERM (an orderly stop), then waits for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: the process dies at once, as in a crash or an evicted container. */
  kill(): Promise<void>;
}

export function spawnEntry(entry: string, env: Record<string, string>): RunningEntry {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, entry)], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout.on('data', (d) => chunks.push(String(d)));
  child.stderr.on('data', (d) => chunks.push(String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    pid: child.pid!,
    output: () => chunks.join(''),
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
