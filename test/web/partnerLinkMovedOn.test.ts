/**
 * A partner link from an earlier step of the ladder (the request escalated or was reassigned)
 * shows no details and records nothing: a clear page in the reader's language says the request
 * moved on. The case behind it is a double whose state the test moves.
 */
import { testAccounts } from '../../testkit/staffAccounts';
import type { Client } from '@temporalio/client';
import { createLogger } from '../../config/logger';
import { createPartnerLinks } from '../../cases/links';
import type { Decision } from '../../domain/decisions';
import type { RecipientTier } from '../../domain/vocabulary';
import type { MeldingService } from '../../cases/meldingService';
import { buildServer } from '../../web/server';
import type { CaseState, RequestView } from '../../workflows/messages';
import { pathOf, TEST_CONFIG } from '../../testkit/intakeHarness';

const REF = 'CSG-LIM-2026-123457';
const VICTIM_PHONE = '+31612345678';

function fakeCase() {
  const decisions: Decision[] = [];
  let detailsAsked = 0;
  let request: RequestView = {
    requestId: 'casemanager_overdracht',
    kind: 'casemanager_overdracht',
    role: 'casemanager',
    status: 'open',
    requestedAt: '2026-03-29T09:00:00Z',
    dueBy: '2026-03-29T09:15:00Z',
    escalationLevel: 0,
    awaitedTier: 'primary',
    attempt: 1,
    awaitedFromAttempt: 1,
  };
  /** What the workflow's validator answers, so a test can play the race past the page. */
  let validatorRefuses = false;
  const state = () =>
    ({
      reference: REF,
      regionId: 'limburg',
      requests: [request],
      openRequests: [request],
      decisions: [],
    }) as unknown as CaseState;
  const service: MeldingService = {
    start: async () => ({ status: 'invalid', problems: [] }),
    state: async () => state(),
    handoverDetails: async () => {
      detailsAsked += 1;
      return {
        reference: REF,
        kind: 'casemanager_overdracht',
        role: 'casemanager',
        triageWindow: 'binnen_72_uur',
        contact: { phone: VICTIM_PHONE },
      };
    },
    async decide(_ref, decision) {
      if (validatorRefuses) {
        return { status: 'rejected', problems: [{ field: 'link', message: 'the request has moved on' }] };
      }
      decisions.push(decision);
      request = { ...request, status: 'acknowledged' };
      return { status: 'ok', state: state() };
    },
    deliveryStatus: async () => 'signalled',
  };
  return {
    service,
    decisions,
    detailsAsked: () => detailsAsked,
    escalate(tier: RecipientTier) {
      const attempt = request.attempt! + 1;
      request = {
        ...request,
        awaitedTier: tier,
        attempt,
        awaitedFromAttempt: attempt,
        escalationLevel: attempt - 1,
      };
    },
    refuseInValidator() {
      validatorRefuses = true;
    },
  };
}

async function serverFor(service: MeldingService) {
  return buildServer({
    client: {} as Client,
    taskQueue: 'unused',
    config: TEST_CONFIG,
    logger: createLogger({ level: 'silent' }),
    meldingen: service,
    accounts: await testAccounts(TEST_CONFIG),
  });
}

const links = createPartnerLinks({ baseUrl: TEST_CONFIG.PUBLIC_BASE_URL, secret: TEST_CONFIG.LINK_SECRET });
const linkFor = (tier: RecipientTier, attempt: number) =>
  pathOf(
    links.actionUrl({
      meldingRef: REF,
      requestId: 'casemanager_overdracht',
      attempt,
      tier,
      expiresAt: new Date(Date.now() + 3600_000),
    }),
  );

test('after an escalation the primary’s link shows no details and records nothing, in both languages', async () => {
  const fake = fakeCase();
  const app = await serverFor(fake.service);
  const primary = linkFor('primary', 1);
  const before = await app.inject({ method: 'GET', url: primary });
  expect(before.statusCode).toBe(200);
  expect(before.body).toContain(VICTIM_PHONE);
  const askedBefore = fake.detailsAsked();

  fake.escalate('backup');
  const dutch = await app.inject({ method: 'GET', url: primary, headers: { 'accept-language': 'nl' } });
  expect(dutch.statusCode).toBe(410);
  expect(dutch.body).toContain('Dit verzoek is doorgezet');
  expect(dutch.body).toContain(REF);
  expect(dutch.body).not.toContain(VICTIM_PHONE);
  const english = await app.inject({ method: 'GET', url: primary, headers: { 'accept-language': 'en' } });
  expect(english.statusCode).toBe(410);
  expect(english.body).toContain('This request has moved on');
  expect(english.body).not.toContain(VICTIM_PHONE);

  const post = await app.inject({ method: 'POST', url: primary, payload: {} });
  expect(post.statusCode).toBe(410);
  expect(fake.decisions).toEqual([]);
  // The details were never even asked for on the refused link.
  expect(fake.detailsAsked()).toBe(askedBefore);

  // The backup's own link acts, and the acknowledgement names the tier it was sent to.
  const backup = await app.inject({ method: 'POST', url: linkFor('backup', 2), payload: {} });
  expect(backup.statusCode).toBe(200);
  expect(fake.decisions).toEqual([
    {
      type: 'ontvangstbevestiging',
      input: {
        requestId: 'casemanager_overdracht',
        link: { tier: 'backup', attempt: 2 },
        by: 'partnerlink:casemanager',
      },
    },
  ]);
  await app.close();
});

test('a link that escalated between the page and the answer: the workflow refuses, the page says it moved on', async () => {
  const fake = fakeCase();
  const app = await serverFor(fake.service);
  fake.refuseInValidator();
  const post = await app.inject({ method: 'POST', url: linkFor('primary', 1), payload: {} });
  expect(post.statusCode).toBe(410);
  expect(post.body).toContain('Dit verzoek is doorgezet');
  await app.close();
});
