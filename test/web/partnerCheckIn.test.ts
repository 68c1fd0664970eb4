/**
 * The casemanager's check-in page behind a signed link, with the case behind it played by a
 * double (check-ins fall on day 1 and later, out of reach of a real-time test): the outcome is
 * required, the screening's PTSS question is put next to its field when the workflow asks for it.
 */
import { testAccounts, acceptReplayedCodes } from '../../testkit/staffAccounts';
import type { Client } from '@temporalio/client';
import { createLogger } from '../../config/logger';
import { createPartnerLinks } from '../../cases/links';
import type { Decision } from '../../domain/decisions';
import type { MeldingService } from '../../cases/meldingService';
import { buildServer } from '../../web/server';
import type { CaseState, DecisionRecord, RequestView } from '../../workflows/messages';
import { pathOf, TEST_CONFIG } from '../../testkit/intakeHarness';

const REF = 'CSG-LIM-2026-123456';
const checkIn: RequestView = {
  requestId: 'checkin-dag-28',
  kind: 'checkin',
  role: 'casemanager',
  status: 'open',
  requestedAt: '2026-03-29T09:00:00Z',
  dueBy: '2026-03-29T17:00:00Z',
  escalationLevel: 0,
  attempt: 1,
  awaitedFromAttempt: 1,
  awaitedTier: 'primary',
};

function fakeCase() {
  const decisions: Decision[] = [];
  let request = { ...checkIn };
  const history: DecisionRecord[] = [];
  const state = () =>
    ({
      reference: REF,
      regionId: 'limburg',
      requests: [request],
      openRequests: request.status === 'open' ? [request] : [],
      decisions: history,
    }) as unknown as CaseState;
  const service: MeldingService = {
    start: async () => ({ status: 'invalid', problems: [] }),
    state: async (ref) => (ref === REF ? state() : undefined),
    handoverDetails: async () =>
      request.status === 'open'
        ? { reference: REF, kind: 'checkin', role: 'casemanager', triageWindow: 'binnen_72_uur' }
        : null,
    async decide(_ref, decision) {
      decisions.push(decision);
      if (decision.type === 'checkin' && decision.input.ptss === undefined) {
        return { status: 'rejected', problems: [{ field: 'ptss', message: 'the screening needs ptss' }] };
      }
      if (request.status !== 'open')
        return { status: 'rejected', problems: [{ field: 'requestId', message: 'closed' }] };
      request = { ...request, status: 'acknowledged', acknowledgedAt: '2026-03-29T10:00:00Z' };
      if (decision.type === 'checkin') {
        const { outcome, ptss, by, requestId } = decision.input;
        const value = ptss === undefined ? outcome : `${outcome}; ptss: ${ptss ? 'ja' : 'nee'}`;
        history.push({ at: '2026-03-29T10:00:00Z', by, type: 'checkin', value, requestId });
      }
      return { status: 'ok', state: state() };
    },
    deliveryStatus: async () => 'signalled',
  };
  return { service, decisions };
}

test('check-in outcome: required, PTSS asked at the screening, then recorded once', async () => {
  const { service, decisions } = fakeCase();
  const app = await buildServer({
    client: {} as Client,
    taskQueue: 'unused',
    config: TEST_CONFIG,
    accounts: await testAccounts(TEST_CONFIG),
    totpReplays: acceptReplayedCodes,
    logger: createLogger({ level: 'silent' }),
    meldingen: service,
  });
  const links = createPartnerLinks({ baseUrl: TEST_CONFIG.PUBLIC_BASE_URL, secret: TEST_CONFIG.LINK_SECRET });
  const path = pathOf(
    links.actionUrl({
      meldingRef: REF,
      requestId: 'checkin-dag-28',
      attempt: 1,
      tier: 'primary',
      expiresAt: new Date(Date.now() + 3600_000),
    }),
  );
  const form = { 'content-type': 'application/x-www-form-urlencoded' };

  const page = await app.inject({ method: 'GET', url: path });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('Hoe gaat het met het slachtoffer?');

  const missing = await app.inject({ method: 'POST', url: path, headers: form, payload: '' });
  expect(missing.statusCode).toBe(400);
  expect(missing.body).toContain('id="outcome-fout"');
  expect(decisions).toHaveLength(0);

  const noPtss = await app.inject({
    method: 'POST',
    url: path,
    headers: form,
    payload: 'outcome=stressreactie',
  });
  expect(noPtss.statusCode).toBe(400);
  expect(noPtss.body).toContain('id="ptss-fout"');
  expect(noPtss.body).toMatch(
    /id="outcome-stressreactie"\s+name="outcome"\s+value="stressreactie"\s+checked/,
  );

  const ok = await app.inject({
    method: 'POST',
    url: path,
    headers: form,
    payload: 'outcome=stressreactie&ptss=ja',
  });
  expect(ok.statusCode).toBe(200);
  expect(ok.body).toContain('Uitkomst vastgelegd');
  expect(decisions[decisions.length - 1]).toEqual({
    type: 'checkin',
    input: {
      requestId: 'checkin-dag-28',
      link: { tier: 'primary', attempt: 1 },
      outcome: 'stressreactie',
      ptss: true,
      by: 'partnerlink:casemanager',
    },
  });

  // The link works once: a second use shows what was recorded, and a second answer changes nothing.
  const used = await app.inject({ method: 'GET', url: path });
  expect(used.statusCode).toBe(409);
  expect(used.body).toContain('De uitkomst &quot;Stressreactie (PTSS: Ja)&quot; is al vastgelegd');
  const count = decisions.length;
  const again = await app.inject({ method: 'POST', url: path, headers: form, payload: 'outcome=gaat_goed' });
  expect(again.statusCode).toBe(409);
  expect(again.body).toContain('Stressreactie (PTSS: Ja)');
  expect(decisions).toHaveLength(count);
  await app.close();
});

test("a check-in through the link sent to the owner's own address records the owner as who acted", async () => {
  const { service, decisions } = fakeCase();
  const app = await buildServer({
    client: {} as Client,
    taskQueue: 'unused',
    config: TEST_CONFIG,
    accounts: await testAccounts(TEST_CONFIG),
    totpReplays: acceptReplayedCodes,
    logger: createLogger({ level: 'silent' }),
    meldingen: service,
  });
  const links = createPartnerLinks({ baseUrl: TEST_CONFIG.PUBLIC_BASE_URL, secret: TEST_CONFIG.LINK_SECRET });
  const path = pathOf(
    links.actionUrl({
      meldingRef: REF,
      requestId: 'checkin-dag-28',
      attempt: 1,
      tier: 'primary',
      expiresAt: new Date(Date.now() + 3600_000),
      addressee: 'cm-lim',
    }),
  );
  const ok = await app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'outcome=gaat_goed&ptss=nee',
  });
  expect(ok.statusCode).toBe(200);
  expect(decisions.at(-1)).toMatchObject({
    type: 'checkin',
    input: { outcome: 'gaat_goed', by: 'partnerlink:casemanager:cm-lim' },
  });
  await app.close();
});
