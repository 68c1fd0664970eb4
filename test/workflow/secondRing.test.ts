/**
 * The second ring: the casemanager asks one partner (Slachtofferhulp, Veilig Thuis, a victims'
 * lawyer, ...) through the decision `tweede_ring`. Only with the victim's consent for that role,
 * only where the region names such a partner, one open request per partner; the meldcode's
 * exception, a Veilig Thuis consultation about a minor, goes without consent and shares nothing
 * that identifies the child.
 */
import { decide, DecisionRejectedError } from '../../cases/meldingClient';
import type { Decision } from '../../domain/decisions';
import { ANONYMOUS_CONSULTATION_NOTE } from '../../domain/secondRing';
import type { MeldingIntake } from '../../domain/types';
import { handoverDetails } from '../../workflows/messages';
import { open, useHarness } from './harness';

const h = useHarness('wf-second-ring');
const CM = 'cm-1';

/** A case with nothing acute under way: only the casemanager handover runs beside the second ring. */
async function startQuiet(overrides: Partial<MeldingIntake> = {}): Promise<string> {
  const ref = await h.start(await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' }, ...overrides }));
  await h.until(ref, (s) => open(s, 'casemanager_overdracht') !== undefined, 'the handover');
  return ref;
}

const record = (ref: string, decision: Decision) => decide(h.env.client, ref, decision);

async function refusal(ref: string, decision: Decision): Promise<string> {
  try {
    await decide(h.env.client, ref, decision);
  } catch (error) {
    if (error instanceof DecisionRejectedError) return error.reason;
    throw error;
  }
  throw new Error(`the case accepted ${decision.type}`);
}

const consent = (ref: string, role: 'slachtofferhulp' | 'veilig_thuis' | 'kinderarts') =>
  record(ref, { type: 'toestemming', input: { role, given: true, by: CM } });
const details = (ref: string, requestId: string) =>
  h.env.client.workflow.getHandle(ref).query(handoverDetails, requestId);
const secondRingSends = (ref: string) => h.partners.requestsOf(ref).filter((m) => m.kind === 'tweede_ring');

test('with consent the partner is asked: its own request, sent to its role, the details as consented', async () => {
  const ref = await startQuiet();
  await consent(ref, 'slachtofferhulp');
  const s = await record(ref, { type: 'tweede_ring', input: { role: 'slachtofferhulp', by: CM } });
  expect(open(s, 'tweede_ring-slachtofferhulp')).toMatchObject({
    kind: 'tweede_ring',
    role: 'slachtofferhulp',
  });
  expect(s.decisions.at(-1)).toMatchObject({ type: 'tweede_ring', by: CM, value: 'slachtofferhulp' });

  const [sent] = await h.untilSent(ref, 'tweede_ring-slachtofferhulp', 1);
  expect(sent).toMatchObject({ kind: 'tweede_ring', role: 'slachtofferhulp', tier: 'primary' });
  const shared = await details(ref, 'tweede_ring-slachtofferhulp');
  expect(shared?.contact).toMatchObject({ name: 'Voorbeeld Persoon', phone: '+31612300000' });
  expect(open(await h.state(ref), 'tweede_ring-slachtofferhulp')!.sharing).toBe('toestemming');

  // One request under way per partner: asking again while it runs, or once it is accepted and not
  // yet done, is refused and changes nothing; once the task is done the partner may be asked anew.
  const again = { type: 'tweede_ring', input: { role: 'slachtofferhulp', by: CM } } as const;
  const underWay =
    'role: a request to slachtofferhulp is already under way (asked, or accepted and not yet done)';
  expect(await refusal(ref, again)).toBe(underWay);
  const partner = { requestId: 'tweede_ring-slachtofferhulp', by: 'partnerlink:slachtofferhulp' };
  await record(ref, { type: 'ontvangstbevestiging', input: partner });
  expect(await refusal(ref, again)).toBe(underWay);
  expect((await h.state(ref)).requests.filter((r) => r.kind === 'tweede_ring')).toHaveLength(1);
  await record(ref, {
    type: 'taak',
    input: { ...partner, step: { action: 'uitgevoerd', outcome: 'afgerond' } },
  });
  const asked = await record(ref, again);
  expect(asked.requests.filter((r) => r.kind === 'tweede_ring').map((r) => r.status)).toEqual([
    'acknowledged',
    'open',
  ]);
});

test('without consent the partner is not asked: refused with the field named, nothing sent', async () => {
  const ref = await startQuiet();
  expect(await refusal(ref, { type: 'tweede_ring', input: { role: 'slachtofferadvocaat', by: CM } })).toBe(
    'role: no consent recorded to share with slachtofferadvocaat (record it first: toestemming)',
  );
  // An adult's Veilig Thuis needs consent like every partner.
  expect(await refusal(ref, { type: 'tweede_ring', input: { role: 'veilig_thuis', by: CM } })).toMatch(
    /^role: no consent recorded to share with veilig_thuis/,
  );
  await record(ref, { type: 'toestemming', input: { role: 'slachtofferhulp', given: false, by: CM } });
  expect(await refusal(ref, { type: 'tweede_ring', input: { role: 'slachtofferhulp', by: CM } })).toBe(
    'role: the victim withdrew the consent to share with slachtofferhulp',
  );
  const s = await h.state(ref);
  expect(s.requests.filter((r) => r.kind === 'tweede_ring')).toEqual([]);
  expect(s.decisions.some((d) => d.type === 'tweede_ring')).toBe(false);
  await h.skip(60_000);
  expect(secondRingSends(ref)).toEqual([]);
});

test('a Veilig Thuis consultation about a minor goes without consent and shares nothing that identifies the child', async () => {
  const ref = await startQuiet({
    victimAge: { kind: 'years', years: 15 },
    guardian: { relation: 'voogd', name: 'Voorbeeld Voogd', phone: '+31612399999' },
  });
  const s = await record(ref, { type: 'tweede_ring', input: { role: 'veilig_thuis', by: CM } });
  expect(s.decisions.at(-1)).toMatchObject({
    type: 'tweede_ring',
    value: 'veilig_thuis; meldcode_consultatie',
  });
  const [sent] = await h.untilSent(ref, 'tweede_ring-veilig_thuis', 1);
  expect(sent).toMatchObject({ kind: 'tweede_ring', role: 'veilig_thuis' });

  const shared = await details(ref, 'tweede_ring-veilig_thuis');
  expect(shared).toEqual({
    reference: ref,
    kind: 'tweede_ring',
    role: 'veilig_thuis',
    triageWindow: s.triage.window,
    note: ANONYMOUS_CONSULTATION_NOTE,
  });
  expect(JSON.stringify(shared)).not.toMatch(/Voorbeeld|\+316/);
  expect(open(await h.state(ref), 'tweede_ring-veilig_thuis')!.sharing).toBe('meldcode_consultatie');
});

test("a minor's case with a guardian runs, and the guardian appears nowhere but the intake", async () => {
  const guardian = { relation: 'ouder' as const, name: 'Ouder Voorbeeldnaam', phone: '+31612388888' };
  const ref = await startQuiet({ victimAge: { kind: 'band', band: '16-17' }, guardian });
  await consent(ref, 'kinderarts');
  const s = await record(ref, { type: 'tweede_ring', input: { role: 'kinderarts', by: CM } });
  expect(open(s, 'tweede_ring-kinderarts')).toMatchObject({ role: 'kinderarts' });
  await h.untilSent(ref, 'tweede_ring-kinderarts', 1);

  // The kinderarts, with consent, sees who comes along with the child (domain/sharingFields.ts).
  expect((await details(ref, 'tweede_ring-kinderarts'))?.guardian).toEqual(guardian);
  // Not in the state, the history, the search attributes, the memo or the messages sent.
  const described = await h.env.client.workflow.getHandle(ref).describe();
  const visible = JSON.stringify([
    await h.state(ref),
    described.typedSearchAttributes.getAll().map((p) => p.value),
    described.memo ?? {},
    h.partners.requestsOf(ref),
  ]);
  expect(visible).not.toContain('Voorbeeldnaam');
  expect(visible).not.toContain('+31612388888');
});

test('a region that names no kinderarts: refused, even with consent', async () => {
  const ref = await startQuiet({ municipality: 'Nijmegen' });
  expect((await h.state(ref)).regionId).toBe('gelderland-zuid-midden');
  await consent(ref, 'kinderarts');
  expect(await refusal(ref, { type: 'tweede_ring', input: { role: 'kinderarts', by: CM } })).toBe(
    'role: the directory of gelderland-zuid-midden names no kinderarts',
  );
  expect((await h.state(ref)).requests.filter((r) => r.kind === 'tweede_ring')).toEqual([]);
});

test('a closed case asks nobody', async () => {
  const ref = await startQuiet();
  await consent(ref, 'slachtofferhulp');
  await record(ref, { type: 'intrekking', input: { by: CM } });
  expect(await refusal(ref, { type: 'tweede_ring', input: { role: 'slachtofferhulp', by: CM } })).toMatch(
    /closing or closed|the case is closed/,
  );
  expect(secondRingSends(ref)).toEqual([]);
});
