/**
 * The coordinator's link for the decision after failed contact attempts leads to the case page,
 * where the decision is taken signed in; nothing is recorded through the link (the case behind it
 * played by a double).
 */
import { testAccounts, acceptReplayedCodes } from '../../testkit/staffAccounts';
import type { Client } from '@temporalio/client';
import { createLogger } from '../../config/logger';
import { createPartnerLinks } from '../../cases/links';
import type { Decision } from '../../domain/decisions';
import type { MeldingService } from '../../cases/meldingService';
import { buildServer } from '../../web/server';
import type { CaseState, RequestView } from '../../workflows/messages';
import { pathOf, TEST_CONFIG } from '../../testkit/intakeHarness';

const REF = 'CSG-LIM-2026-123457';
const asked: RequestView = {
  requestId: 'contactpogingen',
  kind: 'contactpogingen',
  role: 'coordinator',
  status: 'open',
  requestedAt: '2026-03-29T09:00:00Z',
  dueBy: '2026-03-30T09:00:00Z',
  escalationLevel: 0,
  attempt: 1,
  awaitedFromAttempt: 1,
  awaitedTier: 'coordinator',
};

test('the link leads to the case page in the reader’s language and records nothing', async () => {
  const decisions: Decision[] = [];
  const state = {
    reference: REF,
    regionId: 'limburg',
    requests: [asked],
    openRequests: [asked],
    decisions: [],
  } as unknown as CaseState;
  const service: MeldingService = {
    start: async () => ({ status: 'invalid', problems: [] }),
    state: async (ref) => (ref === REF ? state : undefined),
    handoverDetails: async () => ({
      reference: REF,
      kind: 'contactpogingen',
      role: 'coordinator',
      triageWindow: 'na_7_dagen',
    }),
    async decide(_ref, decision) {
      decisions.push(decision);
      return { status: 'ok', state };
    },
    deliveryStatus: async () => 'signalled',
  };
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
      requestId: 'contactpogingen',
      attempt: 1,
      tier: 'coordinator',
      expiresAt: new Date(Date.now() + 3600_000),
    }),
  );

  const page = await app.inject({ method: 'GET', url: path });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('Besluit op de pagina van de melding');
  expect(page.body).toContain(`href="/meldingen/${REF}"`);
  const english = await app.inject({ method: 'GET', url: path, headers: { 'accept-language': 'en' } });
  expect(english.body).toContain('Decide on the melding page');

  const posted = await app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: '',
  });
  expect(posted.statusCode).toBe(200);
  expect(decisions).toEqual([]);
  await app.close();
});
