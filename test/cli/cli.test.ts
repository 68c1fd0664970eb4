/**
 * The staff/ops CLI against a real dev server and the real workflow: start from a JSON file,
 * show the state, acknowledge, and list stuck requests oldest first.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliDeps } from '../../cli/main';
import { buildIntake } from '../../testkit/meldingFixtures';
import { startIntakeHarness, type IntakeHarness } from '../../testkit/intakeHarness';

jest.setTimeout(120_000);

let h: IntakeHarness;
const dir = mkdtempSync(join(tmpdir(), 'csg-cli-'));
beforeAll(async () => {
  h = await startIntakeHarness();
});
afterAll(async () => {
  await h?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function cli(now = () => new Date()) {
  const out: string[] = [];
  const err: string[] = [];
  const deps: CliDeps = {
    client: h.client,
    taskQueue: h.taskQueue,
    now,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  };
  return { out, err, run: (...argv: string[]) => runCli(argv, deps) };
}

async function visible(reference: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { count } = await h.client.workflow.count(
      `WorkflowId = "${reference}" AND CsgAwaitedDeadline IS NOT NULL`,
    );
    if (count > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${reference} never showed a deadline in visibility`);
}

test('start from a file, status, ack; a second start of the same file starts nothing', async () => {
  const intake = buildIntake();
  const file = join(dir, 'melding.json');
  writeFileSync(file, JSON.stringify(intake));

  const first = cli();
  expect(await first.run('start', file, '--door', 'hulplijn-017')).toBe(0);
  expect(first.out.join('\n')).toContain(`Gestart: ${intake.reference}`);
  const again = cli();
  expect(await again.run('start', file)).toBe(0);
  expect(again.out.join('\n')).toContain('Bestond al');

  const bad = cli();
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...intake, municipality: 'Atlantis' }));
  expect(await bad.run('start', join(dir, 'bad.json'))).toBe(1);
  expect(bad.err.join('\n')).toContain('municipality');

  const status = cli();
  expect(await status.run('status', intake.reference)).toBe(0);
  expect(status.out.join('\n')).toContain('casemanager_overdracht');
  expect(status.out.join('\n')).not.toContain('Voorbeeld Persoon');

  const ack = cli();
  expect(await ack.run('ack', intake.reference, 'casemanager_overdracht', '--door', 'cm-042')).toBe(0);
  expect(ack.out.join('\n')).toMatch(/casemanager_overdracht.*acknowledged, door cm-042/);
  const twice = cli();
  expect(await twice.run('ack', intake.reference, 'casemanager_overdracht')).toBe(1);
  expect(twice.err.join('\n')).toContain('Geweigerd');

  expect(await cli().run('status', 'CSG-LIM-2026-000000')).toBe(1);
  expect(await cli().run('onzin')).toBe(2);
});

test('stuck lists every open request past its deadline, oldest first', async () => {
  const older = buildIntake({}, 30);
  const newer = buildIntake({}, 2);
  const file = join(dir, 'a.json');
  writeFileSync(file, JSON.stringify(older));
  expect(await cli().run('start', file)).toBe(0);
  await new Promise((r) => setTimeout(r, 1100)); // a later deadline for the second case
  writeFileSync(file, JSON.stringify(newer));
  expect(await cli().run('start', file)).toBe(0);
  await visible(older.reference);
  await visible(newer.reference);

  // Nothing is overdue now; a day from now every open request is.
  const now = cli();
  expect(await now.run('stuck')).toBe(0);
  expect(now.out.join('\n')).not.toContain(older.reference);

  const tomorrow = cli(() => new Date(Date.now() + 24 * 3600_000));
  expect(await tomorrow.run('stuck')).toBe(0);
  const lines = tomorrow.out.filter((l) => l.includes(older.reference) || l.includes(newer.reference));
  expect(lines.length).toBeGreaterThanOrEqual(2);
  const firstOlder = lines.findIndex((l) => l.includes(`${older.reference}  casemanager_overdracht`));
  const firstNewer = lines.findIndex((l) => l.includes(`${newer.reference}  casemanager_overdracht`));
  expect(firstOlder).toBeGreaterThanOrEqual(0);
  expect(firstNewer).toBeGreaterThan(firstOlder);
});
