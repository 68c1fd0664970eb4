/**
 * A correction through the JSON API on a real Temporal dev server with the real melding workflow:
 * the body is checked like every decision (a reason code, no region id from the caller), an
 * unknown municipality is refused naming the field, and a municipality of another region
 * transfers the case to that region's coordinator.
 */
import { buildIntake } from '../../testkit/meldingFixtures';
import {
  AS_CASEMANAGER,
  AS_HELPLINE,
  startIntakeHarness,
  type IntakeHarness,
} from '../../testkit/intakeHarness';

jest.setTimeout(120_000);

let h: IntakeHarness;
beforeAll(async () => {
  h = await startIntakeHarness();
});
afterAll(async () => {
  await h?.stop();
});

/** The helpline starts the melding; a correction is casework, so the casemanager makes it. */
function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const staff = url === '/api/meldingen' ? AS_HELPLINE : AS_CASEMANAGER;
  return h.app.inject({
    method: 'POST',
    url,
    headers: { authorization: staff, ...headers },
    payload: body as object,
  });
}

async function waitFor<T>(probe: () => T | undefined, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('a municipality of another region, corrected through the API, transfers the case', async () => {
  const intake = buildIntake({ municipality: 'Maastricht' });
  expect((await post('/api/meldingen', intake)).statusCode).toBe(201);
  const url = `/api/meldingen/${intake.reference}/decisions/gemeente`;
  const stateNow = async () =>
    (
      await h.app.inject({
        method: 'GET',
        url: `/api/meldingen/${intake.reference}`,
        headers: { authorization: AS_HELPLINE },
      })
    ).json();
  const before = await stateNow();

  // The body is the table's: a reason code is required, and the region is never the caller's to say.
  const noReason = await post(url, { municipality: 'Nijmegen' });
  expect(noReason.statusCode).toBe(400);
  expect(noReason.json().problems[0].field).toBe('reason');
  const withRegion = await post(url, { municipality: 'Nijmegen', reason: 'invoerfout', regionId: 'limburg' });
  expect(withRegion.statusCode).toBe(400);

  // A municipality no region serves: refused naming the field, in the form's words in Dutch.
  const unknown = await post(url, { municipality: 'Atlantis', reason: 'invoerfout' });
  expect(unknown.statusCode).toBe(409);
  expect(unknown.json().problems).toEqual([
    {
      field: 'municipality',
      code: 'rejected',
      message: 'expected the name of a Dutch municipality',
    },
  ]);
  const dutch = await post(
    url,
    { municipality: 'Atlantis', reason: 'invoerfout' },
    { 'accept-language': 'nl' },
  );
  expect(dutch.json().problems[0]).toMatchObject({
    field: 'municipality',
    message: 'Kies een gemeente uit de lijst: alleen gemeenten van een aangesloten CSG-regio.',
  });
  expect((await stateNow()).decisions).toEqual(before.decisions);

  const moved = await post(url, { municipality: 'Nijmegen', reason: 'invoerfout' });
  expect(moved.statusCode).toBe(200);
  const state = moved.json();
  expect(state.decisions.slice(-2)).toEqual([
    expect.objectContaining({
      type: 'gemeente',
      by: 'cm-017',
      value: expect.stringContaining('invoerfout'),
    }),
    expect.objectContaining({ type: 'overdracht', by: 'cm-017' }),
  ]);
  expect(JSON.stringify(state)).not.toContain('Nijmegen');
  expect(state.openRequests).toEqual([]);
  const handover = await waitFor(() =>
    h.sent.find(
      (s) => s.message.meldingRef === intake.reference && s.message.requestId === 'regio_overdracht',
    ),
  );
  expect(handover.message).toMatchObject({ regionId: 'gelderland-zuid-midden', role: 'coordinator' });

  // The case is closing: a further correction is refused.
  const late = await post(`/api/meldingen/${intake.reference}/decisions/taal`, {
    language: 'nl',
    reason: 'invoerfout',
  });
  expect(late.statusCode).toBe(409);
});

test('the OpenAPI document describes the corrections with their reason codes', async () => {
  const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const body =
    doc.paths['/api/meldingen/{reference}/decisions/leeftijd'].post.requestBody.content['application/json']
      .schema;
  expect(body.properties.reason.enum).toEqual([
    'invoerfout',
    'nieuwe_informatie',
    'gewijzigd',
    'op_verzoek_slachtoffer',
  ]);
  expect(body.properties).not.toHaveProperty('by');
});
