/**
 * The visibility queries of the ops handbook (docs/operations.md), against the real Temporal dev
 * server with cases in different phases and regions: each finds exactly the cases it should,
 * through the SDK and through the Temporal CLI with the handbook's own `date` snippet.
 *
 * The cases run on the real workflow; some get a ladder of seconds instead of minutes (the
 * pathway is part of the workflow's input), so that a handover that ran out, or reached the
 * coordinator, exists without waiting an hour. Partner sends go to the recording double of the
 * workflow tests; a failed delivery arrives as the SMS provider's status report does (the signal).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { pathwayFor, REGIONS } from '../../regions';
import type { MeldingIntake, PathwaySettings } from '../../domain/types';
import {
  getCaseState,
  MELDING_WORKFLOW_TYPE,
  reportDeliveryStatus,
  startMelding,
  decide,
} from '../../cases/meldingClient';
import { createOpsService } from '../../cases/opsService';
import { fillOpsQuery, OPS_QUERIES, type OpsQueryName } from '../../cases/opsQueries';
import type { CaseState } from '../../workflows/messages';
import { buildIntake } from '../../testkit/meldingFixtures';
import { createDevServerEnv, TEST_DATA_CONVERTER } from '../../testkit/temporal';
import { projectRoot, temporalCliPath } from '../../testkit/tools';
import { workflowBundle } from '../../testkit/workflowBundle';
import { PartnerDouble } from '../workflow/harness';

jest.setTimeout(180_000);
const run = promisify(execFile);
const TASK_QUEUE = 'e2e-ops-queries';
const OPS_HANDBOOK = readFileSync(join(projectRoot, 'docs', 'operations.md'), 'utf8');

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
const cases: Record<string, string> = {};

/** Every step of every ladder a second long: the whole ladder runs out within seconds. */
function fast(pathway: PathwaySettings): PathwaySettings {
  const quick = (ladder: PathwaySettings['partnerLadder']) =>
    ladder.map((s) => ({ ...s, waitMinutes: 1 / 60 }));
  return {
    ...pathway,
    casemanagerLadder: {
      acute: quick(pathway.casemanagerLadder.acute),
      nonAcute: quick(pathway.casemanagerLadder.nonAcute),
    },
  };
}

async function start(intake: MeldingIntake, regionId: string, speed: 'fast' | 'normal'): Promise<string> {
  if (speed === 'normal') {
    // As the intake service starts a case: the region's own pathway, summary and search attributes.
    const result = await startMelding(env.client, TASK_QUEUE, intake);
    if (result.status !== 'started' || result.regionId !== regionId) throw new Error(JSON.stringify(result));
    return intake.reference;
  }
  await env.client.workflow.start(MELDING_WORKFLOW_TYPE, {
    taskQueue: TASK_QUEUE,
    workflowId: intake.reference,
    args: [{ intake, pathway: fast(pathwayFor(REGIONS.get(regionId)!)) }],
  });
  return intake.reference;
}

async function until(ref: string, check: (s: CaseState) => boolean, what: string): Promise<CaseState> {
  const started = Date.now();
  for (;;) {
    const s = await getCaseState(env.client, ref);
    if (check(s)) return s;
    if (Date.now() - started > 60_000) throw new Error(`timed out waiting for ${what} of ${ref}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const handover = (s: CaseState) => s.requests.find((r) => r.requestId === 'casemanager_overdracht')!;
const ours = (ids: string[]) => ids.filter((id) => Object.values(cases).includes(id)).sort();
const named = (...names: string[]) => names.map((n) => cases[n]!).sort();

/**
 * Visibility is eventually consistent: list until the answer is the expected one, for at most
 * 20 seconds, then compare what was last seen (a wrong answer fails with both sets shown).
 */
async function settle(list: () => Promise<string[]>, expected: string[]): Promise<string[]> {
  const started = Date.now();
  let seen: string[] = [];
  while (Date.now() - started < 20_000) {
    seen = ours(await list());
    if (JSON.stringify(seen) === JSON.stringify(expected)) return seen;
    await new Promise((r) => setTimeout(r, 500));
  }
  return seen;
}

async function viaSdk(filter: string, now: Date): Promise<string[]> {
  const ids: string[] = [];
  for await (const w of env.client.workflow.list({ query: fillOpsQuery(filter, now) }))
    ids.push(w.workflowId);
  return ids;
}

/** The handbook's shell lines that fill in "now", then the handbook's command, as ops run them. */
function handbookCommand(name: OpsQueryName): string {
  const command = `temporal workflow list --query "${OPS_QUERIES[name].filter}"`;
  expect(OPS_HANDBOOK).toContain(command);
  return command;
}
const dateLines = OPS_HANDBOOK.split('\n').filter((line) => /^(NOW|SINCE_15_MIN)=\$\(date /.test(line));

async function viaCli(name: OpsQueryName): Promise<string[]> {
  const script = [
    ...dateLines,
    handbookCommand(name).replace(/^temporal /, '"$TEMPORAL_BIN" ') + ' -o json',
  ].join('\n');
  const { stdout } = await run('bash', ['-c', script], {
    env: {
      ...process.env,
      TEMPORAL_BIN: temporalCliPath(),
      TEMPORAL_ADDRESS: env.address,
      TEMPORAL_NAMESPACE: env.namespace ?? 'default',
    },
  });
  // Each execution names its workflow id more than once in the JSON (execution, root execution).
  return [...new Set([...stdout.matchAll(/"workflowId":\s*"([^"]+)"/g)].map((m) => m[1]!))];
}

beforeAll(async () => {
  env = await createDevServerEnv();
  const partners = new PartnerDouble();
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: await workflowBundle(),
    dataConverter: TEST_DATA_CONVERTER,
    activities: partners,
  });
  running = worker.run();

  const noPolice = { wishes: { police: 'nee' as const, medicalCare: 'nee' as const } };
  const gzm = (overrides: Parameters<typeof buildIntake>[0], hoursAgo?: number) => {
    const intake = buildIntake({ ...noPolice, ...overrides, municipality: 'Nijmegen' }, hoursAgo);
    return { ...intake, reference: intake.reference.replace('-LIM-', '-GZM-') };
  };

  // Limburg, acute: the handover ladder ran out; the coordinator was the last to be asked.
  cases.limburgOverdue = await start(buildIntake(noPolice), 'limburg', 'fast');
  // Limburg, acute: handover just requested, on the normal ladder.
  cases.limburgWaiting = await start(buildIntake(noPolice), 'limburg', 'normal');
  // Limburg, acute, police "ja": police, FMO and medical requests under way (phase acute_zorg).
  cases.limburgAcuteCare = await start(buildIntake(), 'limburg', 'normal');
  // Limburg, acute: handover acknowledged, watchful waiting.
  cases.limburgAnswered = await start(buildIntake(noPolice), 'limburg', 'normal');
  // Limburg: closed by ops.
  cases.limburgClosed = await start(buildIntake(noPolice), 'limburg', 'normal');
  // Dordrecht, a municipality no CSG holds yet: the national coordinator, handover requested.
  cases.landelijkWaiting = await start(
    buildIntake({ ...noPolice, municipality: 'Dordrecht' }),
    'landelijk',
    'normal',
  );
  // Utrecht, a CSG with the default directory: handover requested.
  cases.utrechtWaiting = await start(
    buildIntake({ ...noPolice, municipality: 'Utrecht' }),
    'utrecht',
    'normal',
  );
  // Gelderland-Zuid en -Midden, non-acute (10 days ago): handover requested, normal ladder.
  cases.gzmNonAcute = await start(gzm({}, 240), 'gelderland-zuid-midden', 'normal');
  // Gelderland-Zuid en -Midden, acute: the first SMS of the handover failed at the provider.
  cases.gzmDeliveryFailed = await start(gzm({}), 'gelderland-zuid-midden', 'normal');
  // Gelderland-Zuid en -Midden, non-acute: the handover ladder ran out.
  cases.gzmNonAcuteOverdue = await start(gzm({}, 240), 'gelderland-zuid-midden', 'fast');

  const ops = createOpsService(env.client);
  await until(cases.limburgAcuteCare, (s) => s.phase === 'acute_zorg', 'acute care');
  await until(cases.limburgAnswered, (s) => handover(s) !== undefined, 'the handover');
  await decide(env.client, cases.limburgAnswered, {
    type: 'ontvangstbevestiging',
    input: { requestId: 'casemanager_overdracht', by: 'cm-042' },
  });
  await until(cases.limburgAnswered, (s) => s.phase === 'watchful_waiting', 'watchful waiting');
  await until(cases.limburgClosed, (s) => handover(s) !== undefined, 'the handover');
  expect(
    (
      await ops.act(cases.limburgClosed, {
        type: 'sluiting',
        input: { reason: 'dubbele_melding', by: 'ops' },
      })
    ).status,
  ).toBe('ok');
  await env.client.workflow.getHandle(cases.limburgClosed).result();
  await until(cases.gzmDeliveryFailed, (s) => handover(s) !== undefined, 'the handover');
  await reportDeliveryStatus(env.client, cases.gzmDeliveryFailed, {
    requestId: 'casemanager_overdracht',
    attempt: 1,
    channel: 'sms',
    status: 'undelivered',
    errorCode: '30003',
  });
  await until(cases.gzmDeliveryFailed, (s) => handover(s).escalationLevel === 1, 'the escalation');
  for (const ref of [cases.limburgOverdue, cases.gzmNonAcuteOverdue]) {
    await until(
      ref,
      (s) => s.phase === 'watchful_waiting' && handover(s).awaitedTier === 'coordinator',
      'the ladder to run out',
    );
  }
  // The last step's deadline (one second) must have passed for "over de termijn".
  await new Promise((r) => setTimeout(r, 1500));
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

describe('ops visibility queries on the dev server', () => {
  const expected: Record<OpsQueryName, () => string[]> = {
    over_termijn: () => named('limburgOverdue', 'gzmNonAcuteOverdue'),
    // With the real "now" no handover has waited 15 minutes yet (see the next test for later).
    acuut_casemanager_15_min: () => [],
    bij_coordinator: () => named('limburgOverdue', 'gzmNonAcuteOverdue'),
    regio: () => named('limburgOverdue', 'limburgWaiting', 'limburgAcuteCare', 'limburgAnswered'),
    zonder_regio: () => named('landelijkWaiting'),
    aflevering_mislukt: () => named('gzmDeliveryFailed'),
  };

  test.each(Object.keys(OPS_QUERIES) as OpsQueryName[])(
    '%s finds exactly the right cases (SDK and CLI)',
    async (name) => {
      const filter = OPS_QUERIES[name].filter;
      expect(await settle(() => viaSdk(filter, new Date()), expected[name]())).toEqual(expected[name]());
      expect(await settle(() => viaCli(name), expected[name]())).toEqual(expected[name]());
    },
  );

  test('acute cases awaiting a casemanager: 20 minutes from now, every acute open handover', async () => {
    // "now" is what ops fill in; the same filter asked as if 20 minutes had passed with nothing
    // answered finds the acute cases whose handover is still open, and not the non-acute ones,
    // the answered one or the closed one.
    const later = new Date(Date.now() + 20 * 60_000);
    const want = named(
      'limburgOverdue',
      'limburgWaiting',
      'limburgAcuteCare',
      'gzmDeliveryFailed',
      'landelijkWaiting',
      'utrechtWaiting',
    );
    expect(await settle(() => viaSdk(OPS_QUERIES.acuut_casemanager_15_min.filter, later), want)).toEqual(
      want,
    );
  });

  test('each case shows in plain words what it waits for, and a memo of codes', async () => {
    const waiting = await env.client.workflow.getHandle(cases.limburgWaiting!).describe();
    expect(await waiting.staticSummary()).toMatch(
      /^Melding CSG-LIM-\d{4}-\d{6} · regio limburg · Acuut: binnen 72 uur na het incident$/,
    );
    expect(await waiting.staticDetails()).toMatch(/Triage bij intake: Acuut: binnen 72 uur na het incident/);

    const handle = env.client.workflow.getHandle(cases.limburgOverdue!);
    const memo = (await handle.describe()).memo as Record<string, unknown>;
    expect(memo).toMatchObject({
      fase: 'watchful_waiting',
      regio: 'limburg',
      wachtOp: ['casemanager/coordinator'],
    });
    const metadata = (await handle.query('__temporal_workflow_metadata')) as { currentDetails?: string };
    expect(metadata.currentDetails).toMatch(/Wacht op \*\*casemanager\*\* \(coördinator\)/);
    expect(metadata.currentDetails).toMatch(/Waiting for casemanager \(coordinator\)/);
    expect(metadata.currentDetails).toMatch(/\*\*Fase:\*\* watchful waiting/);
    expect(metadata.currentDetails).toMatch(/\(Nederlandse tijd\)/);
    expect(metadata.currentDetails).not.toMatch(/UTC/);
    // Codes only: none of the victim's details from the intake.
    for (const shown of [JSON.stringify(memo), metadata.currentDetails, await waiting.staticDetails()]) {
      expect(shown).not.toMatch(/Voorbeeld|\+316|slachtoffer@/);
    }
  });
});
