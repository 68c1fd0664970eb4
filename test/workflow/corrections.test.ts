/**
 * Corrections of the intake on a running case: the ones that re-route it (age → the other
 * forensic examiner, municipality → another region, a later "ja" or "nee" to medical care), a
 * refused value that changes nothing, and what the partner page shows after a correction of the
 * contact details (only with consent). The history says who, what and why, never the new value.
 */
import { decide, DecisionRejectedError } from '../../cases/meldingClient';
import { handoverDetails, type CaseState } from '../../workflows/messages';
import { DAY, HOUR, open, request, useHarness } from './harness';

const h = useHarness('wf-corrections');

const started = (ref: string) => h.until(ref, (s) => s.phase !== 'triage' && s.openRequests.length > 0);
const partnerSees = (ref: string, requestId: string) =>
  h.env.client.workflow.getHandle(ref).query(handoverDetails, requestId);
const noticesOf = (ref: string) =>
  h.partners.noticesOf(ref).map((n) => `${n.requestId}:${n.role}:${n.notice}`);
const lastDecision = (s: CaseState) => s.decisions[s.decisions.length - 1]!;
async function end(ref: string) {
  await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'test' } });
  await h.env.client.workflow.getHandle(ref).result();
}

describe('a corrected age moves the FMO between the forensisch arts and the NFI', () => {
  test('to the NFI for a 14-year-old, and back once the date of birth shows an adult', async () => {
    const intake = await h.intake();
    const ref = await h.start(intake);
    let s = await started(ref);
    expect(request(s, 'fmo')).toMatchObject({ role: 'forensisch_arts', status: 'open' });
    const deadline = request(s, 'fmo')!.deadline;
    await h.untilSent(ref, 'fmo', 1);

    s = await decide(h.env.client, ref, {
      type: 'leeftijd',
      input: { victimAge: { kind: 'years', years: 14 }, reason: 'invoerfout', by: 'cm-1' },
    });
    expect(s.triage.forensicPartner).toBe('nfi');
    expect(request(s, 'fmo')!.status).toBe('cancelled');
    // The right examiner is asked with the same deadline: the acute window did not move.
    expect(open(s, 'fmo-2')).toMatchObject({ role: 'nfi', deadline });
    await h.untilSent(ref, 'fmo-2', 1);
    await h.until(ref, () => noticesOf(ref).length >= 1);
    expect(noticesOf(ref)).toEqual(['fmo:forensisch_arts:vervallen']);
    // The forensisch rechercheur comes either way.
    expect(open(s, 'fmo-opsporing')).toBeDefined();
    // Who, what and why; never the age itself.
    expect(lastDecision(s)).toMatchObject({ type: 'leeftijd', by: 'cm-1' });
    expect(lastDecision(s).value).toContain('invoerfout');
    expect(lastDecision(s).value).not.toMatch(/14/);

    // A date of birth 30 years before the intake: an adult after all.
    const born = new Date(Date.parse(intake.receivedAt) - 30 * 365 * DAY).toISOString().slice(0, 10);
    s = await decide(h.env.client, ref, {
      type: 'leeftijd',
      input: { dateOfBirth: born, reason: 'nieuwe_informatie', by: 'cm-1' },
    });
    expect(s.triage.forensicPartner).toBe('forensisch_arts');
    expect(request(s, 'fmo-2')!.status).toBe('cancelled');
    expect(open(s, 'fmo-3')).toMatchObject({ role: 'forensisch_arts', deadline });
    await h.until(ref, () => noticesOf(ref).length >= 2);
    expect(noticesOf(ref)).toContain('fmo-2:nfi:vervallen');
    expect(lastDecision(s).value).not.toContain(born);
    // The casemanager's page shows the corrected date of birth.
    expect((await partnerSees(ref, 'casemanager_overdracht'))!.contact!.dateOfBirth).toBe(born);
    await end(ref);
  });

  test('past the acute window nobody is asked anew', async () => {
    // The incident 7 days less 1 hour before the intake: the FMO's deadline is an hour away.
    const ref = await h.start(await h.intake({}, 7 * 24 - 1));
    await started(ref);
    await h.skip(2 * HOUR);
    const s = await decide(h.env.client, ref, {
      type: 'leeftijd',
      input: { victimAge: { kind: 'years', years: 14 }, reason: 'invoerfout', by: 'cm-1' },
    });
    expect(s.triage.forensicPartner).toBe('nfi');
    expect(s.requests.filter((r) => r.kind === 'fmo' && r.role === 'nfi')).toEqual([]);
    await end(ref);
  });

  test('an age that keeps the same examiner changes no request', async () => {
    const ref = await h.start(await h.intake());
    await started(ref);
    const s = await decide(h.env.client, ref, {
      type: 'leeftijd',
      input: { victimAge: { kind: 'band', band: '16-17' }, reason: 'invoerfout', by: 'cm-1' },
    });
    expect(s.triage.forensicPartner).toBe('forensisch_arts');
    expect(open(s, 'fmo')).toBeDefined();
    expect(request(s, 'fmo-2')).toBeUndefined();
    await end(ref);
  });
});

describe('a corrected municipality', () => {
  test('in another region transfers the case: the old requests stop, that region’s coordinator takes over', async () => {
    const ref = await h.start(await h.intake({ municipality: 'Maastricht' }));
    await started(ref);
    const s = await decide(h.env.client, ref, {
      type: 'gemeente',
      input: { municipality: 'Nijmegen', reason: 'invoerfout', by: 'cm-1' },
    });
    expect(s.decisions.slice(-2)).toEqual([
      expect.objectContaining({ type: 'gemeente', by: 'cm-1' }),
      expect.objectContaining({ type: 'overdracht', by: 'cm-1', value: 'naar gelderland-zuid-midden' }),
    ]);
    expect(s.decisions.map((d) => d.value).join(' ')).not.toContain('Nijmegen');
    expect(s.openRequests).toEqual([]);
    const [handover] = await h.untilSent(ref, 'regio_overdracht', 1);
    expect(handover).toMatchObject({ regionId: 'gelderland-zuid-midden', role: 'coordinator' });
    // The new region's coordinator sees the corrected municipality.
    expect((await partnerSees(ref, 'regio_overdracht'))!.municipality).toBe('Nijmegen');
    expect(noticesOf(ref)).toEqual(
      expect.arrayContaining([
        'fmo:forensisch_arts:overgedragen',
        'casemanager_overdracht:casemanager:overgedragen',
      ]),
    );
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'regio_overdracht', by: 'co-gzm' },
    });
    expect(await h.env.client.workflow.getHandle(ref).result()).toMatchObject({ outcome: 'overgedragen' });
  });

  test('in another region makes the case that region’s too: the state and the search attribute name it', async () => {
    const ref = await h.start(await h.intake({ municipality: 'Maastricht' }));
    await started(ref);
    const attributes = async () => {
      const d = await h.env.client.workflow.getHandle(ref).describe();
      return Object.fromEntries(d.typedSearchAttributes.getAll().map((p) => [p.key.name, p.value]));
    };
    expect((await h.state(ref)).transferredTo).toBeUndefined();
    expect(await attributes()).not.toHaveProperty('CsgOvergedragenNaar');

    const s = await decide(h.env.client, ref, {
      type: 'gemeente',
      input: { municipality: 'Nijmegen', reason: 'invoerfout', by: 'cm-1' },
    });
    // The case keeps its own region (its history and semester figures are the old region's);
    // the receiving region is named beside it, from the moment the transfer starts.
    expect(s).toMatchObject({ regionId: 'limburg', transferredTo: 'gelderland-zuid-midden' });
    expect(await attributes()).toMatchObject({
      CsgRegion: 'limburg',
      CsgOvergedragenNaar: 'gelderland-zuid-midden',
    });
    await h.untilSent(ref, 'regio_overdracht', 1);
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'regio_overdracht', by: 'co-gzm' },
    });
    await h.env.client.workflow.getHandle(ref).result();
    // Once closed as transferred, both still say where it went.
    expect(await h.state(ref)).toMatchObject({
      outcome: 'overgedragen',
      regionId: 'limburg',
      transferredTo: 'gelderland-zuid-midden',
    });
    expect(await attributes()).toMatchObject({ CsgOvergedragenNaar: 'gelderland-zuid-midden' });
  });

  test('in the same region changes the address only; an unknown one is refused naming the field', async () => {
    const ref = await h.start(await h.intake({ municipality: 'Maastricht' }));
    const before = await started(ref);
    await expect(
      decide(h.env.client, ref, {
        type: 'gemeente',
        input: { municipality: 'Atlantis', reason: 'invoerfout', by: 'cm-1' },
      }),
    ).rejects.toThrow(/municipality: expected the name of a Dutch municipality/);
    expect((await h.state(ref)).decisions).toEqual(before.decisions);

    const s = await decide(h.env.client, ref, {
      type: 'gemeente',
      input: { municipality: 'Heerlen', reason: 'gewijzigd', by: 'cm-1' },
    });
    expect(lastDecision(s)).toMatchObject({ type: 'gemeente', value: 'zelfde regio; reden: gewijzigd' });
    expect(s.regionId).toBe('limburg');
    expect(s.transferredTo).toBeUndefined();
    expect(open(s, 'fmo')).toBeDefined();
    expect((await partnerSees(ref, 'casemanager_overdracht'))!.municipality).toBe('Heerlen');
    await end(ref);
  });
});

describe('the medical-care wish on the running case', () => {
  test('a later "ja" starts the medical track; a "nee" stands it down with a notice', async () => {
    // No police, undecided about medical care: nothing medical at intake.
    const ref = await h.start(await h.intake({ wishes: { police: 'nee', medicalCare: 'twijfel' } }));
    await h.until(ref, (s) => s.phase === 'casemanager_overdracht');
    expect((await h.state(ref)).requests.some((r) => r.kind === 'medische_zorg')).toBe(false);
    await h.skip(2 * HOUR);

    let s = await decide(h.env.client, ref, {
      type: 'medische_wens',
      input: { wish: 'ja', reason: 'op_verzoek_slachtoffer', by: 'cm-1' },
    });
    expect(s.medicalWish).toBe('ja');
    expect(s.medicalBranch).toBe('acute_medische_zorg');
    expect(open(s, 'medische_zorg')).toMatchObject({ role: 'acute_medische_zorg' });
    await h.untilSent(ref, 'medische_zorg', 1);
    expect(lastDecision(s)).toMatchObject({
      type: 'medische_wens',
      value: 'ja; reden: op_verzoek_slachtoffer',
    });

    await expect(
      decide(h.env.client, ref, {
        type: 'medische_wens',
        input: { wish: 'ja', reason: 'op_verzoek_slachtoffer', by: 'cm-1' },
      }),
    ).rejects.toThrow(/wish: the medical-care wish is already "ja"/);

    s = await decide(h.env.client, ref, {
      type: 'medische_wens',
      input: { wish: 'nee', reason: 'op_verzoek_slachtoffer', by: 'cm-1' },
    });
    expect(request(s, 'medische_zorg')!.status).toBe('cancelled');
    await h.until(ref, () => noticesOf(ref).length >= 1);
    expect(noticesOf(ref)).toEqual(['medische_zorg:acute_medische_zorg:ingetrokken']);
    await end(ref);
  });
});

describe('refused corrections change nothing', () => {
  test.each([
    ['contactgegevens', { phone: 'bel me maar', reason: 'invoerfout' }, /^phone: expected a phone number/],
    ['contactgegevens', { reason: 'invoerfout' }, /^name: expected at least one of name, phone, email/],
    ['leeftijd', { victimAge: { kind: 'years', years: 300 }, reason: 'invoerfout' }, /^victimAge: /],
    ['leeftijd', { dateOfBirth: '2099-01-01', reason: 'invoerfout' }, /^dateOfBirth: /],
    ['veilige_kanalen', { safeToCall: 'ja', reason: 'invoerfout' }, /^safeToCall: expected true or false/],
    ['taal', { language: 'Nederlands', reason: 'invoerfout' }, /^language: expected the language as a code/],
    ['taal', { language: 'nl', reason: 'zomaar' }, /^reason: expected one of/],
  ])('%s %j', async (type, input, reason) => {
    const ref = await h.start(await h.intake());
    const before = await started(ref);
    const seenBefore = await partnerSees(ref, 'casemanager_overdracht');
    const error = await decide(h.env.client, ref, {
      type,
      input: { ...input, by: 'cm-1' },
    } as Parameters<typeof decide>[2]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DecisionRejectedError);
    expect((error as DecisionRejectedError).reason).toMatch(reason);
    const after = await h.state(ref);
    expect(after.decisions).toEqual(before.decisions);
    expect(after.requests.map((r) => r.requestId)).toEqual(before.requests.map((r) => r.requestId));
    expect(await partnerSees(ref, 'casemanager_overdracht')).toEqual(seenBefore);
    await end(ref);
  });
});

test('a corrected incident time records its reason too; an unknown reason is refused', async () => {
  const ref = await h.start(await h.intake({ incidentTime: { kind: 'unknown' } }));
  const before = await started(ref);
  const incidentTime = { kind: 'exact' as const, at: new Date((await h.now()) - 30 * HOUR).toISOString() };
  await expect(
    decide(h.env.client, ref, {
      type: 'incidenttijd',
      input: { incidentTime, reason: 'zomaar' as 'invoerfout', by: 'cm-1' },
    }),
  ).rejects.toThrow(/^.*reason: expected one of/);
  expect((await h.state(ref)).decisions).toEqual(before.decisions);
  const s = await decide(h.env.client, ref, {
    type: 'incidenttijd',
    input: { incidentTime, reason: 'nieuwe_informatie', by: 'cm-1' },
  });
  expect(lastDecision(s)).toMatchObject({
    type: 'incidenttijd',
    value: 'exact: binnen_72_uur → binnen_72_uur; reden: nieuwe_informatie',
  });
  await end(ref);
});

describe('the partner page after a correction of the contact details', () => {
  test('shows the corrected details to the CSG, and to another partner only with consent', async () => {
    const ref = await h.start(
      await h.intake({ contactPreferences: { safeToCall: true, safeToText: true, safeToEmail: false } }),
    );
    await started(ref);
    const detailsBefore = await partnerSees(ref, 'casemanager_overdracht');
    await decide(h.env.client, ref, {
      type: 'contactgegevens',
      input: { phone: '+31612399999', email: 'nieuw@voorbeeld.example', reason: 'gewijzigd', by: 'cm-1' },
    });
    await decide(h.env.client, ref, {
      type: 'veilige_kanalen',
      input: { safeToEmail: true, reason: 'op_verzoek_slachtoffer', by: 'cm-1' },
    });
    let s = await decide(h.env.client, ref, {
      type: 'taal',
      input: { language: 'ar', interpreterNeeded: true, reason: 'nieuwe_informatie', by: 'cm-1' },
    });
    expect(s.decisions.slice(-3).map((d) => `${d.type}: ${d.value}`)).toEqual([
      'contactgegevens: velden: phone, email; reden: gewijzigd',
      'veilige_kanalen: velden: safeToEmail; reden: op_verzoek_slachtoffer',
      'taal: velden: language, interpreterNeeded; reden: nieuwe_informatie',
    ]);

    // The casemanager (the CSG itself) sees the corrected details at once.
    const csg = await partnerSees(ref, 'casemanager_overdracht');
    expect(csg).toMatchObject({
      contact: {
        name: detailsBefore!.contact!.name,
        phone: '+31612399999',
        email: 'nieuw@voorbeeld.example',
      },
      contactPreferences: { safeToCall: true, safeToText: true, safeToEmail: true },
      language: 'ar',
      interpreterNeeded: true,
    });
    // The forensisch arts has no consent: the reference and the question only.
    const withoutConsent = await partnerSees(ref, 'fmo');
    expect(withoutConsent).not.toHaveProperty('contact');
    expect(withoutConsent).not.toHaveProperty('language');
    expect(JSON.stringify(withoutConsent)).not.toContain('+31612399999');

    s = await decide(h.env.client, ref, {
      type: 'toestemming',
      input: { role: 'forensisch_arts', given: true, by: 'cm-1' },
    });
    // With consent, what the FMO needs as corrected (domain/sharingFields.ts): not the phone or mail.
    const withConsent = await partnerSees(ref, 'fmo');
    expect(withConsent).toMatchObject({
      contact: { name: detailsBefore!.contact!.name },
      language: 'ar',
      interpreterNeeded: true,
    });
    expect(JSON.stringify(withConsent)).not.toMatch(/31612399999|nieuw@/);

    // A channel marked unsafe afterwards is never handed out again.
    await decide(h.env.client, ref, {
      type: 'veilige_kanalen',
      input: { safeToCall: false, safeToText: false, reason: 'gewijzigd', by: 'cm-1' },
    });
    expect((await partnerSees(ref, 'casemanager_overdracht'))!.contact).not.toHaveProperty('phone');
    // Nothing personal in the history.
    expect(JSON.stringify((await h.state(ref)).decisions)).not.toMatch(/31612399999|nieuw@/);
    await end(ref);
  });
});
