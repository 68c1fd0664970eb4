/**
 * Paths of the binaries installed by scripts/install-tools.sh. Tests hand these to
 * @temporalio/testing so it never tries to download a server.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

function tool(name: string): string {
  const path = join(root, '.tools', 'venv', 'bin', name);
  if (!existsSync(path)) {
    throw new Error(
      `${name} is not installed at ${path}: run scripts/install-tools.sh (npm test does this first)`,
    );
  }
  return path;
}

export const temporalCliPath = () => tool('temporal');
export const temporalTestServerPath = () => tool('temporal-test-server');
export const projectRoot = root;
