/**
 * The semester figures from the cases themselves, on the Temporal dev server with the real
 * workflow and the real report activity writing into a SQLite report store:
 * three dozen generated meldingen in two regions, ended in different phases (withdrawn during
 * the acute requests, after the handover in watchful waiting, after an FMO that was called off),
 * with and without an aangifte. Then every workflow is deleted from Temporal, as the namespace
 * retention would, and `npm run report` (the CLI as its own process) still writes exactly the
 * figures this test computes on its own from what it did to each case.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { createReportActivities } from '../../activities/reportActivities';
import { createLogger } from '../../config/logger';
import type { Gender, MeldingIntake, YesNoUnknown } from '../../domain/types';
import { getCaseState, startMelding, decide } from '../../cases/meldingClient';
import { openReportStore, type ReportStore } from '../../reporting/reportStore';
import type { CaseState } from '../../workflows/messages';
import { buildIntake, nextReference } from '../../testkit/meldingFixtures';
import { createDevServerEnv, TEST_DATA_CONVERTER } from '../../testkit/temporal';
import { projectRoot } from '../../testkit/tools';
import { workflowBundle } from '../../testkit/workflowBundle';
import { PartnerDouble } from '../workflow/harness';

jest.setTimeout(300_000);

type Path = 'withdrawn_acute' | 'watchful_waiting' | 'handover_only' | 'fmo_called_off';

interface GeneratedCase {
  intake: MeldingIntake;
  region: string;
  path: Path;
  acute: boolean;
  aangifteMade: boolean;
}

/** What this test did to each case, turned into the coordinator's figures without the app's aggregation. */
interface Expected {
  acute: boolean;
  gender: Gender;
  minor: YesNoUnknown;
  earlier: YesNoUnknown;
  medical: boolean;
  fmo: boolean;
  aangifte: boolean;
  casemanagement: boolean;
}

const GENDERS: Array<Gender | undefined> = [
  'vrouw',
  'vrouw',
  'man',
  'anders',
  undefined,
  'vrouw',
  'onbekend',
];
const EARLIER: Array<YesNoUnknown | undefined> = ['ja', 'nee', undefined, 'onbekend', 'ja'];
const PATHS: Path[] = ['withdrawn_acute', 'watchful_waiting', 'handover_only', 'fmo_called_off'];

function generate(i: number, receivedAt: string): GeneratedCase {
  const limburg = i % 3 !== 2;
  const acute = i % 5 !== 4;
  const path = PATHS[i % 4]!;
  const age =
    i % 6 === 0
      ? { kind: 'years' as const, years: 16 }
      : i % 7 === 3
        ? { kind: 'unknown' as const }
        : { kind: 'years' as const, years: 31 };
  const intake = buildIntake(
    {
      reference: nextReference(limburg ? 'LIM' : 'GZM'),
      receivedAt,
      municipality: limburg ? 'Maastricht' : 'Nijmegen',
      victimAge: age,
      ...(GENDERS[i % GENDERS.length] ? { gender: GENDERS[i % GENDERS.length] } : {}),
      ...(EARLIER[i % EARLIER.length] ? { earlierSexualAbuse: EARLIER[i % EARLIER.length] } : {}),
      // The FMO that is called off needs a police "ja" first; other cases alternate.
      wishes: { police: path === 'fmo_called_off' || i % 2 === 1 ? 'ja' : 'nee', medicalCare: 'ja' },
    },
    acute ? 10 : 10 * 24,
  );
  return {
    intake,
    region: limburg ? 'limburg' : 'gelderland-zuid-midden',
    path,
    acute,
    aangifteMade: path === 'watchful_waiting' && i % 7 !== 2,
  };
}

function expectedOf(c: GeneratedCase): Expected {
  const { intake } = c;
  const age = intake.victimAge;
  const policeJa = intake.wishes.police === 'ja';
  return {
    acute: c.acute,
    gender: intake.gender ?? 'onbekend',
    minor: age.kind === 'unknown' ? 'onbekend' : age.kind === 'years' && age.years < 18 ? 'ja' : 'nee',
    earlier: intake.earlierSexualAbuse ?? 'onbekend',
    // Only the watchful-waiting path acknowledges the medical and forensic requests and keeps them.
    medical: c.path === 'watchful_waiting',
    fmo: c.path === 'watchful_waiting' && c.acute && policeJa,
    aangifte: c.aangifteMade,
    casemanagement: c.path === 'watchful_waiting' || c.path === 'handover_only',
  };
}

/**
 * The true figures of one region, computed here from the cases as generated: per row its count,
 * and the count its percentage is of.
 */
function expectedFigures(cases: Expected[]): Array<{ code: string; count: number; of?: number }> {
  const acute = cases.filter((c) => c.acute);
  const a = acute.length;
  const line = (code: string, count: number, of?: number) => ({ code, count, of });
  const countAcute = (p: (c: Expected) => boolean) => acute.filter(p).length;
  return [
    line('meldingen', cases.length),
    line('acuut', a, cases.length),
    line('niet_acuut', cases.length - a, cases.length),
    ...(['vrouw', 'man', 'anders', 'onbekend'] as const).map((g) =>
      line(
        `acuut_geslacht_${g}`,
        countAcute((c) => c.gender === g),
        a,
      ),
    ),
    line(
      'acuut_minderjarig',
      countAcute((c) => c.minor === 'ja'),
      a,
    ),
    line(
      'acuut_leeftijd_onbekend',
      countAcute((c) => c.minor === 'onbekend'),
      a,
    ),
    line(
      'acuut_eerder_seksueel_misbruik',
      countAcute((c) => c.earlier === 'ja'),
      a,
    ),
    line(
      'acuut_eerder_misbruik_onbekend',
      countAcute((c) => c.earlier === 'onbekend'),
      a,
    ),
    line(
      'acuut_medische_zorg',
      countAcute((c) => c.medical),
      a,
    ),
    line(
      'acuut_fmo',
      countAcute((c) => c.fmo),
      a,
    ),
    line(
      'acuut_aangifte',
      countAcute((c) => c.aangifte),
      a,
    ),
    line(
      'acuut_casemanagement',
      countAcute((c) => c.casemanagement),
      a,
    ),
  ];
}

/**
 * The published CSV against the true figures: every published number is the true one (whole
 * percent, halves up), every count under 5 is "< 5", every percentage of a hidden count or of a
 * hidden or small base is "x", and no sum (meldingen = acuut + niet acuut; acuut = the genders)
 * has exactly one hidden cell. Which further cells are hidden is the suppression's choice.
 */
function expectPublishedAsTrue(csv: string[], region: string, semester: string, cases: Expected[]): void {
  const truth = expectedFigures(cases);
  expect(csv[0]).toBe('regio,semester,cijfer,aantal,percentage');
  const cells = new Map(
    csv.slice(1).map((line) => {
      const [r, s, code, count, percentage] = line.split(',');
      expect([r, s]).toEqual([region, semester]);
      return [code!, { count: count!, percentage: percentage! }];
    }),
  );
  expect([...cells.keys()]).toEqual(truth.map((t) => t.code));
  const hidden = (code: string) => ['< 5', 'x'].includes(cells.get(code)!.count);
  for (const { code, count, of } of truth) {
    const cell = cells.get(code)!;
    if (count < 5) expect(cell.count).toBe('< 5');
    else if (!hidden(code)) expect(cell.count).toBe(String(count));
    if (of === undefined) continue;
    const baseCode = code === 'acuut' || code === 'niet_acuut' ? 'meldingen' : 'acuut';
    if (hidden(code) || hidden(baseCode) || of < 5) expect(cell.percentage).toBe('x');
    else expect(cell.percentage).toBe(`${Math.round((count / of) * 100)}%`);
  }
  const genders = ['vrouw', 'man', 'anders', 'onbekend'].map((g) => `acuut_geslacht_${g}`);
  for (const sum of [
    ['meldingen', 'acuut', 'niet_acuut'],
    ['acuut', ...genders],
  ]) {
    expect(sum.filter(hidden).length).not.toBe(1);
  }
}

async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms = 30_000,
  every = 100,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

describe('semester figures from the cases, after the cases are gone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csg-semester-'));
  const dbPath = join(dir, 'semester-report.db');
  const taskQueue = 'e2e-semester-report';
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  let store: ReportStore;

  beforeAll(async () => {
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      // installed by an earlier file in this process
    }
    env = await createDevServerEnv();
    store = openReportStore(dbPath);
    const activities = Object.assign(
      new PartnerDouble(),
      createReportActivities({ store, logger: createLogger({ level: 'silent', name: 'test' }) }),
    );
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      dataConverter: TEST_DATA_CONVERTER,
      activities,
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    store?.close();
    await env?.teardown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('36 cases in two regions, ended in different phases; deleted; the report still matches', async () => {
    const client = env.client;
    const receivedAt = new Date().toISOString();
    const cases = Array.from({ length: 36 }, (_, i) => generate(i, receivedAt));
    const stateOf = (ref: string) => getCaseState(client, ref);
    const until = (ref: string, check: (s: CaseState) => boolean, what: string) =>
      eventually(`${ref}: ${what}`, async () => {
        const s = await stateOf(ref);
        return check(s) ? s : undefined;
      });
    const by = 'cm-test';

    async function run(c: GeneratedCase): Promise<void> {
      const started = await startMelding(client, taskQueue, c.intake);
      expect(started.status).toBe('started');
      const ref = c.intake.reference;
      const first = await until(ref, (s) => s.phase === 'acute_zorg', 'acute requests out');
      switch (c.path) {
        case 'withdrawn_acute':
          break;
        case 'handover_only':
          await decide(client, ref, {
            type: 'ontvangstbevestiging',
            input: { requestId: 'casemanager_overdracht', by },
          });
          break;
        case 'fmo_called_off': {
          // The forensic doctor agreed, then the victim no longer wanted police contact: stood down.
          const fmo = first.openRequests.find((r) => r.kind === 'fmo' && r.role !== 'forensische_opsporing');
          if (fmo)
            await decide(client, ref, {
              type: 'ontvangstbevestiging',
              input: { requestId: fmo.requestId, by },
            });
          await decide(client, ref, { type: 'politiewens', input: { wish: 'nee', by } });
          break;
        }
        case 'watchful_waiting': {
          for (const r of first.openRequests.filter((o) => o.kind !== 'casemanager_overdracht')) {
            await decide(client, ref, {
              type: 'ontvangstbevestiging',
              input: { requestId: r.requestId, by },
            });
          }
          await until(ref, (s) => s.phase === 'casemanager_overdracht', 'acute requests answered');
          await decide(client, ref, {
            type: 'ontvangstbevestiging',
            input: { requestId: 'casemanager_overdracht', by },
          });
          await until(ref, (s) => s.phase === 'watchful_waiting', 'watchful waiting');
          if (c.aangifteMade) await decide(client, ref, { type: 'aangifte', input: { made: true, by } });
          break;
        }
      }
      await decide(client, ref, { type: 'intrekking', input: { by } });
      const result = await client.workflow.getHandle(ref).result();
      expect(result.outcome).toBe('ingetrokken');
    }

    // A few at a time: enough to be a crowd, gentle on two cores.
    for (let i = 0; i < cases.length; i += 6) await Promise.all(cases.slice(i, i + 6).map(run));

    // Every case wrote its record when it ended.
    const semester = (() => {
      const d = new Date(receivedAt);
      // Dutch calendar month; the test never runs within an hour of a semester boundary's edge cases.
      const month = Number(
        new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', month: 'numeric' }).format(d),
      );
      const year = Number(
        new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(d),
      );
      return `${year}-H${month <= 6 ? 1 : 2}`;
    })();
    const regions = ['limburg', 'gelderland-zuid-midden'];
    const total = regions
      .map((r) => store.records(r, semester as `${number}-H${1 | 2}`).length)
      .reduce((a, b) => a + b, 0);
    expect(total).toBe(cases.length);

    // Gone from Temporal, as after the namespace retention.
    for (const c of cases) {
      await client.workflowService.deleteWorkflowExecution({
        namespace: env.namespace ?? 'default',
        workflowExecution: { workflowId: c.intake.reference },
      });
    }
    // The dev server deletes asynchronously (about half a minute here): wait until describe says not found.
    await Promise.all(
      cases.map((c) =>
        eventually(
          `${c.intake.reference} deleted`,
          async () => {
            try {
              await client.workflow.getHandle(c.intake.reference).describe();
              return undefined;
            } catch (error) {
              return (error as Error).name === 'WorkflowNotFoundError' ? true : undefined;
            }
          },
          120_000,
          1_000,
        ),
      ),
    );

    // The store holds no reference (nor any part of one) of the cases it counted.
    const bytes = readFileSync(dbPath).toString('latin1');
    for (const c of cases) expect(bytes).not.toContain(c.intake.reference.slice(-6));

    const outDir = join(dir, 'out');
    for (const region of regions) {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          '--import',
          'tsx',
          join(projectRoot, 'reporting/cli.ts'),
          '--region',
          region,
          '--semester',
          semester,
          '--out',
          outDir,
        ],
        { cwd: projectRoot, env: { PATH: process.env.PATH, HOME: process.env.HOME, REPORT_DB_PATH: dbPath } },
      );
      expect(stdout).toContain(`# Semestercijfers ${region}, ${semester}`);
      const csv = readFileSync(join(outDir, `semestercijfers-${region}-${semester}.csv`), 'utf8')
        .trim()
        .split('\n');
      expectPublishedAsTrue(csv, region, semester, cases.filter((c) => c.region === region).map(expectedOf));
    }
    // The larger region has cells above the threshold, so the comparison is about real numbers.
    const limburg = readFileSync(join(outDir, `semestercijfers-limburg-${semester}.csv`), 'utf8');
    expect(limburg).toMatch(/limburg,\d{4}-H\d,acuut,\d+,\d+%/);
  });
});
