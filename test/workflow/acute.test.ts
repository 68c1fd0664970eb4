/**
 * Triage windows and their edges as the running case sees them, the NFI rule, the police wish in
 * all its turns, the FMO (offered while undecided, at risk near its deadline) and medical care.
 */
import { decide } from '../../cases/meldingClient';
import { DEFAULT_PATHWAY } from '../../regions/defaults';
import type { MeldingWorkflowInput } from '../../domain/types';
import { handoverDetails, type CaseState } from '../../workflows/messages';
import { DAY, HOUR, MINUTE, open, request, useHarness } from './harness';

const h = useHarness('wf-acute');

const SECOND = 1000;
const started = (ref: string) => h.until(ref, (s) => s.phase !== 'triage' && s.openRequests.length > 0);
const kindsRoles = (s: CaseState) => s.requests.map((r) => `${r.requestId}:${r.role}`).sort();
/** What the partner page for a request shows now. */
const partnerSees = (ref: string, requestId: string) =>
  h.env.client.workflow.getHandle(ref).query(handoverDetails, requestId);
async function end(ref: string) {
  await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'test' } });
  await h.env.client.workflow.getHandle(ref).result();
}

describe('triage windows at their edges', () => {
  test.each([
    ['10 hours', 10 * HOUR, 'binnen_72_uur', true, 'acute_medische_zorg'],
    ['exactly 72 hours', 72 * HOUR, 'binnen_72_uur', true, 'acute_medische_zorg'],
    ['72 hours and 1 second', 72 * HOUR + SECOND, 'binnen_7_dagen', true, 'medische_zorg_na_72_uur'],
    ['exactly 7 days', 7 * DAY, 'binnen_7_dagen', true, 'medische_zorg_na_72_uur'],
    ['7 days and 1 second', 7 * DAY + SECOND, 'na_7_dagen', false, 'medische_zorg_na_72_uur'],
  ])('incident %s before intake → %s', async (_label, elapsed, window, acute, medical) => {
    const ref = await h.start(await h.intake({}, elapsed / HOUR));
    const s = await started(ref);
    expect(s.triage).toMatchObject({ window, acute, forensicPartner: 'forensisch_arts' });
    expect(s.medicalBranch).toBe(medical);
    expect(request(s, 'medische_zorg')!.role).toBe(medical);
    if (acute) {
      expect(s.phase).toBe('acute_zorg');
      expect(s.fmoOffer).toBe('aangevraagd');
      expect(kindsRoles(s)).toEqual([
        'casemanager_overdracht:casemanager',
        'fmo-opsporing:forensische_opsporing',
        'fmo:forensisch_arts',
        'informatief_gesprek:zedenpolitie',
        'medische_zorg:' + medical,
      ]);
      // The FMO's deadline is the end of the acute window, counted from the incident.
      const incident = Date.parse(buildIncidentAt(s));
      expect(Date.parse(request(s, 'fmo')!.deadline!)).toBe(incident + 7 * DAY);
      // Acute: the casemanager has 15 minutes.
      expect(
        Date.parse(open(s, 'casemanager_overdracht')!.dueBy) -
          Date.parse(open(s, 'casemanager_overdracht')!.requestedAt),
      ).toBe(15 * MINUTE);
    } else {
      expect(s.fmoOffer).toBe('buiten_acute_termijn');
      expect(s.requests.find((r) => r.kind === 'fmo')).toBeUndefined();
      // Non-acute: four hours.
      expect(
        Date.parse(open(s, 'casemanager_overdracht')!.dueBy) -
          Date.parse(open(s, 'casemanager_overdracht')!.requestedAt),
      ).toBe(4 * HOUR);
    }
    await end(ref);
  });

  function buildIncidentAt(s: CaseState): string {
    return new Date(Date.parse(s.triage.fmoDeadline!) - 7 * DAY).toISOString();
  }

  test('unknown incident time is triaged as within 72 hours until the casemanager corrects it', async () => {
    const ref = await h.start(await h.intake({ incidentTime: { kind: 'unknown' } }));
    let s = await started(ref);
    expect(s.triage).toMatchObject({ window: 'binnen_72_uur', basis: 'unknown' });
    s = await decide(h.env.client, ref, {
      type: 'incidenttijd',
      input: {
        by: 'cm-1',
        incidentTime: { kind: 'exact', at: new Date((await h.now()) - 30 * DAY).toISOString() },
      },
    });
    expect(s.triage).toMatchObject({ window: 'na_7_dagen', acute: false, basis: 'exact' });
    // The FMO is no longer useful: it lapses and the forensic partners are told.
    expect(request(s, 'fmo')!.status).toBe('cancelled');
    expect(s.fmoOffer).toBe('buiten_acute_termijn');
    const notices = await h
      .until(ref, () => h.partners.noticesOf(ref).length >= 3)
      .then(() => h.partners.noticesOf(ref));
    // Medical care moves from the SEH to the partner after 72 hours as well.
    expect(notices.map((n) => `${n.requestId}:${n.notice}`).sort()).toEqual([
      'fmo-opsporing:vervallen',
      'fmo:vervallen',
      'medische_zorg:vervallen',
    ]);
    expect(s.decisions.map((d) => d.type)).toContain('incidenttijd');
    await end(ref);
  });

  test('a corrected incident time moves the FMO deadline; an FMO now at risk goes to the coordinator at once', async () => {
    const ref = await h.start(await h.intake({ incidentTime: { kind: 'unknown' } }));
    await started(ref);
    await h.untilSent(ref, 'fmo', 1);
    // In truth 6 days and 13 hours ago: 11 hours of the acute window left, less than the 12-hour margin.
    const incident = (await h.now()) - (6 * DAY + 13 * HOUR);
    let s = await decide(h.env.client, ref, {
      type: 'incidenttijd',
      input: {
        by: 'cm-1',
        incidentTime: { kind: 'exact', at: new Date(incident).toISOString() },
      },
    });
    expect(Date.parse(request(s, 'fmo')!.deadline!)).toBe(incident + 7 * DAY);
    s = await h.until(ref, (x) => open(x, 'fmo')?.awaitedTier === 'coordinator');
    expect(open(s, 'fmo')!.escalationLevel).toBe(3);
    expect((await h.untilSent(ref, 'fmo', 2)).map((m) => m.tier)).toEqual(['primary', 'coordinator']);
    await end(ref);
  });

  test('a corrected time past 72 hours moves medical care from the SEH to the partner after 72 hours', async () => {
    const ref = await h.start(await h.intake({ incidentTime: { kind: 'unknown' } }));
    expect((await started(ref)).medicalBranch).toBe('acute_medische_zorg');
    const s = await decide(h.env.client, ref, {
      type: 'incidenttijd',
      input: {
        by: 'cm-1',
        incidentTime: { kind: 'exact', at: new Date((await h.now()) - 5 * DAY).toISOString() },
      },
    });
    expect(s.medicalBranch).toBe('medische_zorg_na_72_uur');
    expect(request(s, 'medische_zorg')!.status).toBe('cancelled');
    expect(open(s, 'medische_zorg-2')!.role).toBe('medische_zorg_na_72_uur');
    await h.untilSent(ref, 'medische_zorg-2', 1);
    await h.until(ref, () => h.partners.noticesOf(ref).some((n) => n.requestId === 'medische_zorg'));
    expect(h.partners.noticesOf(ref).find((n) => n.requestId === 'medische_zorg')).toMatchObject({
      role: 'acute_medische_zorg',
      notice: 'vervallen',
    });
    await end(ref);
  });

  test('an FMO already agreed lapses too when the corrected time is past the acute window', async () => {
    const ref = await h.start(await h.intake({ incidentTime: { kind: 'unknown' } }));
    await started(ref);
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'fmo', by: 'fa-3' },
    });
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'fmo-opsporing', by: 'fr-2' },
    });
    const s = await decide(h.env.client, ref, {
      type: 'incidenttijd',
      input: {
        by: 'cm-1',
        incidentTime: { kind: 'exact', at: new Date((await h.now()) - 10 * DAY).toISOString() },
      },
    });
    expect(s.fmoOffer).toBe('buiten_acute_termijn');
    await h.until(ref, () => h.partners.noticesOf(ref).length >= 3);
    expect(
      h.partners
        .noticesOf(ref)
        .map((n) => `${n.requestId}:${n.notice}`)
        .sort(),
    ).toEqual(['fmo-opsporing:vervallen', 'fmo:vervallen', 'medische_zorg:vervallen']);
    await end(ref);
  });

  test('an approximate time is triaged on its latest moment', async () => {
    const now = await h.now();
    const ref = await h.start(
      await h.intake({
        receivedAt: new Date(now).toISOString(),
        incidentTime: {
          kind: 'approximate',
          earliest: new Date(now - 10 * DAY).toISOString(),
          latest: new Date(now - 2 * DAY).toISOString(),
        },
      }),
    );
    expect((await started(ref)).triage).toMatchObject({ window: 'binnen_72_uur', basis: 'approximate' });
    await end(ref);
  });
});

describe('the NFI examines victims up to and including 15', () => {
  test.each([
    [{ kind: 'years', years: 15 } as const, 'nfi'],
    [{ kind: 'band', band: '0-15' } as const, 'nfi'],
    [{ kind: 'years', years: 16 } as const, 'forensisch_arts'],
  ])('%o → %s', async (victimAge, partner) => {
    const ref = await h.start(await h.intake({ victimAge }));
    const s = await started(ref);
    expect(request(s, 'fmo')!.role).toBe(partner);
    await h.untilSent(ref, 'fmo', 1);
    expect(h.partners.requestsOf(ref, 'fmo')[0]!.role).toBe(partner);
    await end(ref);
  });
});

describe('what a partner request message carries', () => {
  test('a new case sends no victim details in any partner request, not even with consent; the partner page shows them', async () => {
    const victim = {
      name: 'Voorbeeld Persoon',
      phone: '+31612300000',
      email: 'slachtoffer@voorbeeld.example',
      notes: 'Bellen na 18:00, niet via het werk',
    };
    const intake = await h.intake({
      victimContact: { name: victim.name, phone: victim.phone, email: victim.email },
      contactPreferences: { safeToEmail: true },
      practicalNotes: victim.notes,
    });
    const ref = await h.start(intake);
    await started(ref);
    await decide(h.env.client, ref, {
      type: 'toestemming',
      input: { role: 'zedenpolitie', given: true, by: 'cm-1' },
    });
    // A re-notification after the consent, too.
    await h.skip(60 * MINUTE + SECOND);
    await h.untilSent(ref, 'informatief_gesprek', 2);

    const sent = h.partners.requestsOf(ref);
    expect(new Set(sent.map((m) => m.requestId))).toEqual(
      new Set(['casemanager_overdracht', 'informatief_gesprek', 'fmo', 'fmo-opsporing', 'medische_zorg']),
    );
    for (const message of sent) {
      expect(message).not.toHaveProperty('details');
      const text = JSON.stringify(message);
      for (const personal of Object.values(victim)) expect(text).not.toContain(personal);
    }
    // The details are there for whoever may see them: behind the link, consent-filtered.
    for (const requestId of ['casemanager_overdracht', 'informatief_gesprek']) {
      expect(await partnerSees(ref, requestId)).toMatchObject({
        contact: { name: victim.name, phone: victim.phone, email: victim.email },
        practicalNotes: victim.notes,
      });
    }
    await end(ref);
  });
});

describe('police contact only when the victim wants it', () => {
  test('police "nee": no request to the police, no FMO; medical care still goes ahead', async () => {
    const ref = await h.start(await h.intake({ wishes: { police: 'nee' } }));
    const s = await started(ref);
    expect(kindsRoles(s)).toEqual([
      'casemanager_overdracht:casemanager',
      'medische_zorg:acute_medische_zorg',
    ]);
    expect(s.fmoOffer).toBe('niet_gewenst');
    await end(ref);
    expect(
      h.partners.requestsOf(ref).some((m) => m.role === 'zedenpolitie' || m.role === 'forensische_opsporing'),
    ).toBe(false);
  });

  test('police "ja": the zedenpolitie is asked for an informatief gesprek, without personal data until consent', async () => {
    const ref = await h.start(await h.intake({ wishes: { police: 'ja' } }));
    await started(ref);
    await h.untilSent(ref, 'informatief_gesprek', 1);
    expect(await partnerSees(ref, 'informatief_gesprek')).toEqual({
      reference: ref,
      kind: 'informatief_gesprek',
      role: 'zedenpolitie',
      triageWindow: 'binnen_72_uur',
      note: expect.any(String),
    });
    // The case state says why the partner was sent no details.
    expect(request(await h.state(ref), 'informatief_gesprek')!.sharing).toBe('geen_toestemming');
    expect(request(await h.state(ref), 'casemanager_overdracht')!.sharing).toBe('csg');

    const consented = await decide(h.env.client, ref, {
      type: 'toestemming',
      input: { role: 'zedenpolitie', given: true, by: 'cm-7' },
    });
    // Who recorded the consent, and when, is in the case history.
    expect(consented.decisions.at(-1)).toMatchObject({
      type: 'toestemming',
      by: 'cm-7',
      value: 'zedenpolitie: gegeven',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    // The partner page shows the consented details; the next notification (re-notify after the
    // step wait) records that it was sent with consent.
    expect((await partnerSees(ref, 'informatief_gesprek'))!.contact?.phone).toBeDefined();
    await h.skip(60 * MINUTE + SECOND);
    const sent = await h.untilSent(ref, 'informatief_gesprek', 2);
    expect(sent[1]!.attempt).toBe(2);
    expect(request(await h.state(ref), 'informatief_gesprek')!.sharing).toBe('toestemming');

    // Withdrawn: the partner page shows nothing personal any more, and the following
    // notification is checked again at send time.
    await decide(h.env.client, ref, {
      type: 'toestemming',
      input: { role: 'zedenpolitie', given: false, by: 'cm-8' },
    });
    expect((await partnerSees(ref, 'informatief_gesprek'))!.contact).toBeUndefined();
    expect((await partnerSees(ref, 'informatief_gesprek'))!.practicalNotes).toBeUndefined();
    await h.skip(60 * MINUTE + SECOND);
    await h.untilSent(ref, 'informatief_gesprek', 3);
    expect(request(await h.state(ref), 'informatief_gesprek')!.sharing).toBe('toestemming_ingetrokken');
    await end(ref);
  });

  test('undecided, then "ja": FMO offered while undecided (no police), then police and forensische opsporing', async () => {
    const ref = await h.start(await h.intake({ wishes: { police: 'twijfel' } }));
    let s = await started(ref);
    expect(s.fmoOffer).toBe('aangeboden_bij_twijfel');
    expect(kindsRoles(s)).toEqual([
      'casemanager_overdracht:casemanager',
      'fmo:forensisch_arts',
      'medische_zorg:acute_medische_zorg',
    ]);
    s = await decide(h.env.client, ref, { type: 'politiewens', input: { wish: 'ja', by: 'cm-7' } });
    expect(kindsRoles(s)).toEqual([
      'casemanager_overdracht:casemanager',
      'fmo-opsporing:forensische_opsporing',
      'fmo:forensisch_arts',
      'informatief_gesprek:zedenpolitie',
      'medische_zorg:acute_medische_zorg',
    ]);
    expect(s.decisions.filter((d) => d.type === 'politie_wens').map((d) => [d.by, d.value])).toEqual([
      ['cm-7', 'ja'],
    ]);
    expect(s.fmoOffer).toBe('aangevraagd');
    expect(s.decisions.filter((d) => d.type === 'fmo_aanbod').map((d) => d.value)).toEqual([
      'aangeboden_bij_twijfel',
      'aangevraagd',
    ]);
    await end(ref);
  });

  test('undecided in a region without FMO-when-undecided: nothing forensic until "ja"', async () => {
    const intake = await h.intake({ wishes: { police: 'twijfel' } });
    const input: MeldingWorkflowInput = {
      intake,
      pathway: { regionId: 'limburg', ...DEFAULT_PATHWAY, fmoWhenUndecided: false },
    };
    await h.env.client.workflow.start('meldingWorkflow', {
      taskQueue: h.taskQueue,
      workflowId: intake.reference,
      args: [input],
    });
    let s = await started(intake.reference);
    expect(s.fmoOffer).toBe('niet_aangeboden_bij_twijfel');
    expect(s.requests.some((r) => r.kind === 'fmo')).toBe(false);
    s = await decide(h.env.client, intake.reference, {
      type: 'politiewens',
      input: { wish: 'ja', by: 'cm-7' },
    });
    expect(s.fmoOffer).toBe('aangevraagd');
    expect(s.requests.filter((r) => r.kind === 'fmo')).toHaveLength(2);
    await end(intake.reference);
  });

  test('"ja" then "nee": police and forensic requests stop and their partners are told; "ja" again asks anew', async () => {
    const ref = await h.start(await h.intake({ wishes: { police: 'ja' } }));
    await started(ref);
    let s = await decide(h.env.client, ref, { type: 'politiewens', input: { wish: 'nee', by: 'cm-7' } });
    expect(['informatief_gesprek', 'fmo', 'fmo-opsporing'].map((id) => request(s, id)!.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(open(s, 'medische_zorg')).toBeDefined();
    await h.until(ref, () => h.partners.noticesOf(ref).length >= 3);
    expect(
      h.partners
        .noticesOf(ref)
        .map((n) => `${n.role}:${n.notice}`)
        .sort(),
    ).toEqual([
      'forensisch_arts:ingetrokken',
      'forensische_opsporing:ingetrokken',
      'zedenpolitie:ingetrokken',
    ]);
    s = await decide(h.env.client, ref, { type: 'politiewens', input: { wish: 'ja', by: 'cm-7' } });
    expect(open(s, 'informatief_gesprek-2')).toBeDefined();
    expect(open(s, 'fmo-2')).toBeDefined();
    await end(ref);
  });

  test('acknowledged, then "nee", then "ja" again: the acknowledged requests were stood down, so the police are asked anew', async () => {
    const ref = await h.start(await h.intake({ wishes: { police: 'ja' } }));
    await started(ref);
    for (const requestId of ['informatief_gesprek', 'fmo', 'fmo-opsporing']) {
      await decide(h.env.client, ref, {
        type: 'ontvangstbevestiging',
        input: { requestId, by: 'partner-1' },
      });
    }
    await decide(h.env.client, ref, { type: 'politiewens', input: { wish: 'nee', by: 'cm-7' } });
    await h.until(ref, () => h.partners.noticesOf(ref).length >= 3);
    const s = await decide(h.env.client, ref, { type: 'politiewens', input: { wish: 'ja', by: 'cm-7' } });
    expect(s.fmoOffer).toBe('aangevraagd');
    expect(['informatief_gesprek-2', 'fmo-2', 'fmo-opsporing-2'].map((id) => open(s, id)?.role)).toEqual([
      'zedenpolitie',
      'forensisch_arts',
      'forensische_opsporing',
    ]);
    await h.untilSent(ref, 'informatief_gesprek-2', 1);
    await end(ref);
  });

  test('"ja" then "twijfel": no police contact while undecided; the FMO stays where the region offers it', async () => {
    const ref = await h.start(await h.intake({ wishes: { police: 'ja' } }));
    await started(ref);
    const s = await decide(h.env.client, ref, {
      type: 'politiewens',
      input: { wish: 'twijfel', by: 'cm-7' },
    });
    expect(request(s, 'informatief_gesprek')!.status).toBe('cancelled');
    expect(request(s, 'fmo-opsporing')!.status).toBe('cancelled');
    expect(open(s, 'fmo')).toBeDefined();
    expect(s.fmoOffer).toBe('aangeboden_bij_twijfel');
    await h.until(ref, () => h.partners.noticesOf(ref).length >= 2);
    expect(
      h.partners
        .noticesOf(ref)
        .map((n) => `${n.role}:${n.notice}`)
        .sort(),
    ).toEqual(['forensische_opsporing:ingetrokken', 'zedenpolitie:ingetrokken']);
    await end(ref);
  });
});

describe('FMO tracking', () => {
  test('an FMO still unconfirmed 12 hours before the end of the acute window goes to the coordinator', async () => {
    // Incident 6 days 20 hours ago: the window closes in 4 hours, so the FMO is at risk at once.
    const ref = await h.start(await h.intake({}, 6 * 24 + 20));
    await started(ref);
    const sent = await h.untilSent(ref, 'fmo', 2);
    expect(sent.map((m) => m.tier)).toEqual(['primary', 'coordinator']);
    const s = await h.until(ref, (x) => open(x, 'fmo')?.awaitedTier === 'coordinator');
    expect(open(s, 'fmo')!.escalationLevel).toBe(3);
    await end(ref);
  });

  test('requested → done: the forensic partner confirms; medical care is combined with it', async () => {
    const ref = await h.start(await h.intake());
    await started(ref);
    await h.untilSent(ref, 'medische_zorg', 1);
    expect((await partnerSees(ref, 'medische_zorg'))!.note).toMatch(/FMO/);
    const s = await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'fmo', by: 'fa-3' },
    });
    expect(request(s, 'fmo')).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'fa-3' });
    await end(ref);
  });
});
