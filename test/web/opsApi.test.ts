/**
 * The ops API and the ops CLI commands against a real dev server and the real
 * workflow: only staff with the ops role may act or read the history (helpline staff get 403,
 * nothing happens); bad input names the field; the actions reach the case and its history.
 */
import { runCli } from '../../cli/main';
import { startMelding } from '../../cases/meldingClient';
import type { CaseState } from '../../workflows/messages';
import type { HistoryEntry } from '../../workflows/opsMessages';
import { buildIntake } from '../../testkit/meldingFixtures';
import { AS_HELPLINE, startIntakeHarness, type IntakeHarness } from '../../testkit/intakeHarness';
import { testBearer } from '../../testkit/staffAccounts';

jest.setTimeout(120_000);

const AS_OPS = testBearer('ops');
let h: IntakeHarness;
beforeAll(async () => {
  h = await startIntakeHarness();
});
afterAll(() => h?.stop());

async function handoverCase(): Promise<string> {
  const intake = buildIntake({ wishes: { police: 'nee', medicalCare: 'nee' } });
  const started = await startMelding(h.client, h.taskQueue, intake);
  expect(started.status).toBe('started');
  for (let i = 0; i < 100; i++) {
    if (h.sent.some((s) => s.message.meldingRef === intake.reference)) return intake.reference;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the handover was never sent');
}

const post = (ref: string, action: string, payload: object, authorization?: string) =>
  h.app.inject({
    method: 'POST',
    url: `/api/ops/meldingen/${ref}/${action}`,
    payload,
    headers: authorization ? { authorization } : {},
  });
const historyOf = (ref: string, authorization = AS_OPS) =>
  h.app.inject({ method: 'GET', url: `/api/ops/meldingen/${ref}/geschiedenis`, headers: { authorization } });
const opsEntries = async (ref: string) =>
  ((await historyOf(ref)).json() as { history: HistoryEntry[] }).history.filter((e) => e.kind === 'ops');
const sendsOf = (ref: string) => h.sent.filter((s) => s.message.meldingRef === ref).length;

describe('ops API', () => {
  test('helpline staff are refused (403), no login is 401; nothing happens', async () => {
    const ref = await handoverCase();
    for (const [action, body] of [
      ['herinnering', { requestId: 'casemanager_overdracht' }],
      ['toewijzing', { toTier: 'backup' }],
      ['sluiting', { reason: 'dubbele_melding' }],
    ] as const) {
      const refused = await post(ref, action, body, AS_HELPLINE);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ error: 'forbidden' });
      expect((await post(ref, action, body)).statusCode).toBe(401);
    }
    expect((await historyOf(ref, AS_HELPLINE)).statusCode).toBe(403);
    expect(await opsEntries(ref)).toEqual([]);
    expect(sendsOf(ref)).toBe(1);
    expect((await h.client.workflow.getHandle(ref).describe()).status.name).toBe('RUNNING');
  });

  test('ops re-send, re-assign and close; each in the history as done by the ops account', async () => {
    const ref = await handoverCase();
    const resent = await post(ref, 'herinnering', { requestId: 'casemanager_overdracht' }, AS_OPS);
    expect(resent.statusCode).toBe(200);
    const reassigned = await post(ref, 'toewijzing', { toTier: 'backup' }, AS_OPS);
    expect(reassigned.statusCode).toBe(200);
    expect((reassigned.json() as CaseState).openRequests).toEqual([
      expect.objectContaining({ requestId: 'casemanager_overdracht', awaitedTier: 'backup' }),
    ]);
    const closed = await post(ref, 'sluiting', { reason: 'onterecht_aangemaakt' }, AS_OPS);
    expect(closed.statusCode).toBe(200);
    expect(await h.client.workflow.getHandle(ref).result()).toMatchObject({ outcome: 'gesloten' });

    expect((await opsEntries(ref)).map((e) => [e.type, e.by, e.value])).toEqual([
      ['herinnering', 'ops', 'casemanager/primary'],
      ['toewijzing', 'ops', 'casemanager/primary → casemanager/backup'],
      ['sluiting', 'ops', 'onterecht_aangemaakt'],
    ]);
    // A closed case: refused, saying so.
    const late = await post(ref, 'herinnering', { requestId: 'casemanager_overdracht' }, AS_OPS);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toEqual({
      error: 'action_rejected',
      problems: [{ field: '(melding)', message: expect.stringMatching(/the case is closed/) }],
    });
  });

  test('bad input names the field; a wrong request id is refused by the case; nothing changes', async () => {
    const ref = await handoverCase();
    const noReason = await post(ref, 'sluiting', {}, AS_OPS);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().problems).toEqual([
      {
        field: 'reason',
        code: 'invalid_value',
        message: expect.stringMatching(/a reason is required, one of dubbele_melding/),
      },
    ]);
    expect((await post(ref, 'sluiting', { reason: 'geen zin' }, AS_OPS)).json().problems[0].field).toBe(
      'reason',
    );
    expect((await post(ref, 'toewijzing', { toTier: 'coordinator' }, AS_OPS)).json().problems[0].field).toBe(
      'toTier',
    );
    // `by` comes from the login, never from the body.
    expect((await post(ref, 'sluiting', { reason: 'zorg_elders', by: 'iemand' }, AS_OPS)).statusCode).toBe(
      400,
    );
    const wrongId = await post(ref, 'herinnering', { requestId: 'fmo-7' }, AS_OPS);
    expect(wrongId.statusCode).toBe(409);
    expect(wrongId.json().problems).toEqual([{ field: 'requestId', message: 'unknown request "fmo-7"' }]);
    expect((await post('CSG-LIM-2026-999998', 'herinnering', { requestId: 'x1' }, AS_OPS)).statusCode).toBe(
      404,
    );

    expect(await opsEntries(ref)).toEqual([]);
    expect(sendsOf(ref)).toBe(1);
    expect((await h.client.workflow.getHandle(ref).describe()).status.name).toBe('RUNNING');
  });
});

test('the ops routes are in the OpenAPI document', async () => {
  const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([
      '/api/ops/meldingen/{reference}/herinnering',
      '/api/ops/meldingen/{reference}/toewijzing',
      '/api/ops/meldingen/{reference}/sluiting',
      '/api/ops/meldingen/{reference}/geschiedenis',
    ]),
  );
  expect(
    doc.paths['/api/ops/meldingen/{reference}/sluiting'].post.requestBody.content['application/json'].schema
      .properties.reason.enum,
  ).toContain('dubbele_melding');
});

describe('ops CLI commands', () => {
  function cli() {
    const out: string[] = [];
    const err: string[] = [];
    const run = (...argv: string[]) =>
      runCli(argv, {
        client: h.client,
        taskQueue: h.taskQueue,
        now: () => new Date(),
        out: (l) => out.push(l),
        err: (l) => err.push(l),
        opsStaffIds: new Set(['ops']),
      });
    return { out, err, run };
  }

  test('an acting id without the ops role is refused; ops act; history shows who', async () => {
    const ref = await handoverCase();
    const helpline = cli();
    expect(await helpline.run('close', ref, 'dubbele_melding', '--door', 'helpline-017')).toBe(1);
    expect(helpline.err.join('\n')).toContain('helpline-017 heeft geen ops-rol');
    expect((await h.client.workflow.getHandle(ref).describe()).status.name).toBe('RUNNING');

    const noReason = cli();
    expect(await noReason.run('close', ref, '--door', 'ops')).toBe(1);
    expect(noReason.err.join('\n')).toMatch(/reden: een reden is nodig, een van dubbele_melding/);

    const ops = cli();
    expect(await ops.run('resend', ref, 'casemanager_overdracht', '--door', 'ops')).toBe(0);
    expect(ops.out.join('\n')).toContain(`Vastgelegd (herinnering) op ${ref} door ops`);

    const history = cli();
    expect(await history.run('history', ref)).toBe(0);
    const text = history.out.join('\n');
    expect(text).toMatch(/besluit\s+Melding geregistreerd: .* door hulplijn-017/);
    expect(text).toMatch(
      /ops-actie\s+Verzoek opnieuw gestuurd: casemanager \(piket\); .* \[casemanager_overdracht\]\s+door ops/,
    );
  });
});
