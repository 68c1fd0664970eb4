/**
 * The staff/ops CLI against a real dev server and the real workflow: start from a JSON file,
 * show the state, acknowledge, list stuck requests oldest first, act as ops; always in Dutch, and
 * after an action with the phase `status` shows afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failureText, runCli, type CliDeps } from '../../cli/main';
import { ConfigError } from '../../config/configError';
import { CaseUnavailableError } from '../../cases/meldingService';
import { stateAfterAction } from '../../cli/afterAction';
import { closingLine } from '../../cli/caseView';
import { caseState, type CaseState } from '../../workflows/messages';
import { buildIntake } from '../../testkit/meldingFixtures';
import { rawCodesIn } from '../../testkit/rawCodes';
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
    opsStaffIds: new Set(['ops']),
  };
  return {
    out,
    err,
    text: () => [...out, ...err].join('\n'),
    run: (...argv: string[]) => runCli(argv, deps),
  };
}

/** English words the CLI used to print for statuses, tiers, phases and refusals. */
const ENGLISH =
  /\b(acknowledged|cancelled|primary|backup|coordinator|approximate|unknown|expected|closed|closing|request|already|handover|reason|required|awaits|nothing|phase|outcome|refused|failed)\b/i;

async function started(intake: ReturnType<typeof buildIntake>): Promise<string> {
  const file = join(dir, `${intake.reference}.json`);
  writeFileSync(file, JSON.stringify(intake));
  const start = cli();
  expect(await start.run('start', file)).toBe(0);
  return intake.reference;
}

/** The "fase: ..." line of `status` right now. */
async function statusPhase(reference: string): Promise<string> {
  const status = cli();
  expect(await status.run('status', reference)).toBe(0);
  return status.out
    .find((l) => l.trim().startsWith('fase: '))!
    .trim()
    .slice('fase: '.length);
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
  expect(bad.err.join('\n')).toContain(
    'municipality: verwacht de woonplaats (gemeente) van het slachtoffer, in een aangesloten CSG-regio',
  );
  expect(bad.err.join('\n')).not.toMatch(ENGLISH);

  const status = cli();
  expect(await status.run('status', intake.reference)).toBe(0);
  expect(status.out.join('\n')).toContain('casemanager_overdracht');
  expect(status.out.join('\n')).not.toContain('Voorbeeld Persoon');

  const ack = cli();
  expect(await ack.run('ack', intake.reference, 'casemanager_overdracht', '--door', 'cm-042')).toBe(0);
  expect(ack.out.join('\n')).toContain(
    '[casemanager_overdracht] Overdracht aan de piket-casemanager · casemanager (piket): bevestigd, door cm-042',
  );
  const twice = cli();
  expect(await twice.run('ack', intake.reference, 'casemanager_overdracht')).toBe(1);
  expect(twice.err.join('\n')).toBe(
    'Geweigerd: verzoek-id: verzoek "casemanager_overdracht" is al bevestigd',
  );

  expect(await cli().run('status', 'CSG-LIM-2026-000000')).toBe(1);
  expect(await cli().run('onzin')).toBe(2);
});

test('the usage says how the command line is called, as the README does', async () => {
  for (const argv of [['onzin'], [], ['status'], ['close']]) {
    const wrong = cli();
    expect(await wrong.run(...argv)).toBe(2);
    expect(wrong.err.join('\n').split('\n')[0]).toBe('Gebruik: npm run cli -- <opdracht>');
    expect(wrong.err.join('\n')).toContain('reassign <referentie> <piket|achterwacht> --door <ops-id>');
    expect(wrong.err.join('\n')).not.toMatch(/\.ts\b|\btsx\b|cli\/main/);
  }
});

test('ack and close print the phase that status shows afterwards', async () => {
  // Non-acute, no police or medical care: the handover is the only request, its acknowledgement
  // moves the case on to watchful waiting after the update has answered.
  const reference = await started(buildIntake({ wishes: { police: 'nee', medicalCare: 'nee' } }, 10 * 24));
  expect(await statusPhase(reference)).toBe('overdracht aan de casemanager');

  const ack = cli();
  expect(await ack.run('ack', reference, 'casemanager_overdracht', '--door', 'cm-042')).toBe(0);
  expect(ack.out).toContain('  fase: watchful waiting');
  expect(await statusPhase(reference)).toBe('watchful waiting');

  const close = cli();
  expect(await close.run('close', reference, 'dubbele_melding', '--door', 'ops')).toBe(0);
  expect(close.out).toEqual([
    `Vastgelegd (sluiting) op ${reference} door ops; fase nu: afgesloten, uitkomst: gesloten door ops of de coördinator`,
  ]);
  expect(await statusPhase(reference)).toBe('afgesloten, uitkomst: gesloten door ops of de coördinator');
});

test('besluit records any decision of the table as the acting id; bad fields name the field and change nothing', async () => {
  const reference = await started(buildIntake({ wishes: { police: 'nee', medicalCare: 'nee' } }, 10 * 24));
  const wishNow = async () => (await h.client.workflow.getHandle(reference).query(caseState)).policeWish;

  const bad = cli();
  expect(await bad.run('besluit', reference, 'politiewens', '{"wish":"misschien"}', '--door', 'hl-1')).toBe(
    2,
  );
  expect(bad.err.join('\n')).toMatch(/^Ongeldig besluit politiewens: wish: /);
  const unknown = cli();
  expect(await unknown.run('besluit', reference, 'politiewensen', '--door', 'hl-1')).toBe(2);
  expect(unknown.err.join('\n')).toContain('kies uit: ');
  const notJson = cli();
  expect(await notJson.run('besluit', reference, 'politiewens', 'wish=ja', '--door', 'hl-1')).toBe(2);
  expect(await wishNow()).toBe('nee');

  const done = cli();
  expect(await done.run('besluit', reference, 'politiewens', '{"wish":"ja"}', '--door', 'hl-1')).toBe(0);
  expect(done.out[0]).toBe(`Vastgelegd (politiewens) op ${reference} door hl-1`);
  expect(await wishNow()).toBe('ja');
  const history = cli();
  expect(await history.run('history', reference)).toBe(0);
  expect(history.out.join('\n')).toMatch(/besluit\s+Wens over de politie: Ja\s+door hl-1/);
});

test('closing a case with partners still to tell waits for the closed phase', async () => {
  // Acute: police, FMO and medical requests are open; each partner hears it lapsed before the
  // workflow sets the phase to afgesloten.
  const reference = await started(buildIntake());
  expect(await statusPhase(reference)).toBe('acute zorg');
  const close = cli();
  expect(await close.run('close', '--door', 'ops', reference, 'onterecht_aangemaakt')).toBe(0);
  expect(close.out.join('\n')).toContain(
    'fase nu: afgesloten, uitkomst: gesloten door ops of de coördinator',
  );
  expect(await statusPhase(reference)).toBe('afgesloten, uitkomst: gesloten door ops of de coördinator');
});

test('a failure outside any refusal is told in Dutch', () => {
  expect(failureText(new CaseUnavailableError())).toBe(
    'Mislukt: de melding antwoordde niet op tijd; draait er een worker? Probeer het zo opnieuw.',
  );
  expect(failureText(new ConfigError(['TEMPORAL_ADDRESS is required but not set']))).toBe(
    'De instellingen zijn niet in orde (omgevingsvariabelen):\n  - TEMPORAL_ADDRESS is required but not set',
  );
  expect(failureText(new Error('boom'))).toBe('Mislukt: onverwachte fout (technische melding: boom)');
});

test('a close that has not settled in time says what is still to come, not the old phase alone', async () => {
  const closing = { reference: 'CSG-LIM-2026-000001', phase: 'acute_zorg', outcome: 'gesloten' } as CaseState;
  const after = await stateAfterAction(async () => closing, closing, {
    settled: (s) => s.phase === 'afgesloten',
    waitMs: 300,
    pollMs: 50,
  });
  expect(after.settled).toBe(false);
  expect(closingLine(after)).toBe(
    'acute zorg, uitkomst: gesloten door ops of de coördinator; de melding sluit zodra de partners bericht hebben dat ' +
      'hun verzoek vervalt, daarna is de fase afgesloten (npm run cli -- status CSG-LIM-2026-000001)',
  );
});

test('status, stuck, ack, resend, reassign, close and history speak Dutch, refusals too', async () => {
  const reference = await started(buildIntake({ incidentTime: { kind: 'unknown' } }));
  await visible(reference);
  const tomorrow = () => new Date(Date.now() + 24 * 3600_000);
  const runs: Array<[number, string[], (() => Date)?]> = [
    [0, ['status', reference]],
    [0, ['ack', reference, 'informatief_gesprek', '--door', 'zeden-007']],
    [1, ['ack', reference, 'informatief_gesprek', '--door', 'zeden-007']],
    [1, ['ack', reference, 'bestaat_niet']],
    [0, ['resend', reference, 'casemanager_overdracht', '--door', 'ops']],
    [1, ['resend', reference, 'informatief_gesprek', '--door', 'ops']],
    [0, ['reassign', reference, 'achterwacht', '--door', 'ops']],
    [1, ['reassign', reference, 'achterwacht', '--door', 'ops']],
    [1, ['reassign', reference, 'coordinator', '--door', 'ops']],
    [0, ['stuck'], tomorrow],
    [1, ['close', reference, 'geen_reden', '--door', 'ops']],
    [1, ['close', reference, '--door', 'ops']],
    [1, ['close', reference, 'dubbele_melding', '--door', 'hulplijn-017']],
    [0, ['close', reference, 'zorg_elders', '--door', 'ops']],
    [1, ['close', reference, 'zorg_elders', '--door', 'ops']],
    [0, ['history', reference]],
    [0, ['status', reference]],
  ];
  const texts: string[] = [];
  const outs: string[] = [];
  for (const [code, argv, now] of runs) {
    const run = cli(now);
    expect([argv.join(' '), await run.run(...argv)]).toEqual([argv.join(' '), code]);
    texts.push(run.text());
    outs.push(run.out.join('\n'));
  }
  for (const text of texts) expect(text).not.toMatch(ENGLISH);
  const all = texts.join('\n');
  // The words that replaced them, each where a person looks for it.
  expect(all).toContain('triage: Acuut: binnen 72 uur na het incident; tijdstip: onbekend');
  expect(all).toContain(
    '[informatief_gesprek] Informatief gesprek met de zedenpolitie · zedenpolitie (piket): bevestigd, door zeden-007',
  );
  expect(all).toContain('Geweigerd: verzoek-id: onbekend verzoek "bestaat_niet"');
  expect(all).toContain('Geweigerd: verzoek-id: verzoek "informatief_gesprek" is al bevestigd');
  expect(all).toContain(`Vastgelegd (toewijzing) op ${reference} door ops; fase nu: acute zorg`);
  expect(all).toContain(
    'Geweigerd: casemanager: de overdracht wacht al op de casemanager van achterwacht; gebruik resend om opnieuw te sturen',
  );
  expect(all).toContain('Geweigerd: casemanager: verwacht piket of achterwacht');
  expect(all).toMatch(/Geweigerd: reden: verwacht een van dubbele_melding, .*afgerond_buiten_systeem/);
  expect(all).toMatch(/Geweigerd: reden: een reden is nodig, een van dubbele_melding/);
  expect(all).toMatch(
    new RegExp(
      `${reference}  \\[fmo\\] Forensisch-medisch onderzoek \\(FMO\\) · forensisch arts \\(piket\\)  escalatie \\d+  \\d+ min over tijd  \\(limburg, acute zorg\\)`,
    ),
  );
  // A second close meets the case closing (the workflow refuses) or closed (the service says so).
  expect(all).toMatch(
    /Geweigerd: de melding (wordt gesloten of is gesloten; er valt niets meer te doen|is gesloten \(afgerond\))/,
  );
  expect(all).toMatch(
    /ops-actie\s+Overdracht aan een andere casemanager gegeven: casemanager \(piket\) → casemanager \(achterwacht\); Overdracht aan de piket-casemanager \(casemanager\) \[casemanager_overdracht\]\s+door ops/,
  );
  expect(all).toMatch(
    /besluit\s+Verzoek bevestigd: Informatief gesprek met de zedenpolitie \(zedenpolitie\) \[informatief_gesprek\]\s+door zeden-007/,
  );
  expect(all).toMatch(/Melding gesloten: Zorg is buiten het CSG geregeld\s+door ops/);
  // What the command line prints is in words: a code only as the id in square brackets one types.
  for (const text of outs) expect(rawCodesIn(text.replace(/\[[^\]]*\]/g, ''), 'nl')).toEqual([]);
  expect(all).toContain('fase: afgesloten, uitkomst: gesloten door ops of de coördinator');
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
  const firstOlder = lines.findIndex((l) => l.includes(`${older.reference}  [casemanager_overdracht]`));
  const firstNewer = lines.findIndex((l) => l.includes(`${newer.reference}  [casemanager_overdracht]`));
  expect(firstOlder).toBeGreaterThanOrEqual(0);
  expect(firstNewer).toBeGreaterThan(firstOlder);
});
