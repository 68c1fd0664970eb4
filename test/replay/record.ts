/**
 * Records histories of real runs of the melding workflow on the time-skipping server into
 * test/replay/histories/*.json. Run after a deliberate pathway change (behind `patched()`), keep
 * the old files, and commit the new ones:
 *
 *   npx tsx test/replay/record.ts [scenario ...]
 *
 * Name the new scenarios only: existing histories are never re-recorded.
 *
 * Each scenario drives one case through the client functions, as the intake service would.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import type { Client } from '@temporalio/client';
import { createKoppelingService } from '../../cases/koppeling';
import { createOpsService } from '../../cases/opsService';
import { reportDeliveryStatus, decide } from '../../cases/meldingClient';
import { createHarness, DAY, MINUTE, nextDutchHour, open, type Harness } from '../workflow/harness';

type Scenario = (h: Harness) => Promise<string>;

async function checkIns(h: Harness, ref: string, base: number, days: number[], ptssAt28: boolean) {
  for (const day of days) {
    const wait = base + day * DAY - (await h.now());
    if (wait > 0) await h.skip(wait + 1000);
    await h.until(ref, (s) => open(s, `checkin-dag-${day}`) !== undefined);
    await decide(h.env.client, ref, {
      type: 'checkin',
      input: {
        requestId: `checkin-dag-${day}`,
        outcome: 'gaat_goed',
        by: 'cm-1',
        ...(day === 28 ? { ptss: ptssAt28 } : {}),
      },
    });
  }
}

/** A non-acute case waiting for its casemanager, with `cm` to record a decision on it. */
async function nonAcuteCase(h: Harness) {
  const intake = await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } });
  const ref = await h.start(intake);
  const cm = (decision: Parameters<typeof decide>[2]) => decide(h.env.client, ref, decision);
  await h.until(ref, (s) => open(s, 'casemanager_overdracht') !== undefined);
  return { intake, ref, cm };
}

const scenarios: Record<string, Scenario> = {
  // Acute, police "ja" with consent, every partner confirms, casemanager late (one re-notify), 4 weeks, afgerond.
  'acute-afgerond': async (h) => {
    const intake = await h.intake();
    const ref = await h.start(intake);
    await h.until(ref, (s) => s.phase === 'acute_zorg');
    await decide(h.env.client, ref, {
      type: 'toestemming',
      input: { role: 'zedenpolitie', given: true, by: 'cm-1' },
    });
    for (const id of ['informatief_gesprek', 'fmo', 'fmo-opsporing', 'medische_zorg']) {
      await decide(h.env.client, ref, {
        type: 'ontvangstbevestiging',
        input: { requestId: id, by: 'partner-1' },
      });
    }
    await h.skip(15 * MINUTE + 1000);
    await h.until(ref, (s) => open(s, 'casemanager_overdracht')?.escalationLevel === 1);
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'casemanager_overdracht', by: 'cm-1' },
    });
    await h.until(ref, (s) => s.phase === 'watchful_waiting');
    await checkIns(h, ref, Date.parse(intake.receivedAt), [1, 7, 14, 28], false);
    await h.env.client.workflow.getHandle(ref).result();
    return ref;
  },
  // Undecided, then "ja", then "nee", then withdrawn during acute care.
  'twijfel-ja-nee-ingetrokken': async (h) => {
    const ref = await h.start(await h.intake({ wishes: { police: 'twijfel' } }));
    await h.until(ref, (s) => s.phase === 'acute_zorg');
    await decide(h.env.client, ref, { type: 'politiewens', input: { wish: 'ja', by: 'cm-1' } });
    await decide(h.env.client, ref, { type: 'politiewens', input: { wish: 'nee', by: 'cm-1' } });
    await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
    await h.env.client.workflow.getHandle(ref).result();
    return ref;
  },
  // Non-acute, handover ladder to the coordinator, screening with PTSS, GGZ referral.
  'niet-acuut-ggz': async (h) => {
    const intake = await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } }, 24 * 30);
    const ref = await h.start(intake);
    await h.skip(330 * MINUTE);
    await h.until(ref, (s) => open(s, 'casemanager_overdracht')?.awaitedTier === 'backup');
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'casemanager_overdracht', by: 'cm-2' },
    });
    await checkIns(h, ref, Date.parse(intake.receivedAt), [1, 7, 14, 28], true);
    await h.until(ref, (s) => open(s, 'ggz_verwijzing') !== undefined);
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'ggz_verwijzing', by: 'ggz-1' },
    });
    await h.env.client.workflow.getHandle(ref).result();
    return ref;
  },
  // Transfer to another region during watchful waiting.
  overgedragen: async (h) => {
    const ref = await h.start(await h.intake({ wishes: { police: 'nee', medicalCare: 'ja' } }));
    await h.until(ref, (s) => s.phase === 'acute_zorg');
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'medische_zorg', by: 'seh-1' },
    });
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'casemanager_overdracht', by: 'cm-1' },
    });
    await h.until(ref, (s) => s.phase === 'watchful_waiting');
    await decide(h.env.client, ref, {
      type: 'overdracht',
      input: { toRegionId: 'gelderland-zuid-midden', by: 'co-1' },
    });
    await h.untilSent(ref, 'regio_overdracht', 1);
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'regio_overdracht', by: 'co-gzm' },
    });
    await h.env.client.workflow.getHandle(ref).result();
    return ref;
  },
  // A stuck acute handover (patch ops-visibility); a failed SMS, ops re-send,
  // re-assign to the backup, and close with a reason.
  'ops-gesloten': async (h) => {
    const ops = createOpsService(h.env.client);
    const ref = await h.start(await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } }));
    await h.untilSent(ref, 'casemanager_overdracht', 1);
    await reportDeliveryStatus(h.env.client, ref, {
      requestId: 'casemanager_overdracht',
      attempt: 1,
      channel: 'sms',
      status: 'undelivered',
    });
    await h.untilSent(ref, 'casemanager_overdracht', 2);
    await ops.act(ref, { type: 'herinnering', input: { requestId: 'casemanager_overdracht', by: 'ops' } });
    await ops.act(ref, { type: 'toewijzing', input: { toTier: 'backup', by: 'ops' } });
    await h.skip(15 * MINUTE + 1000);
    await h.untilSent(ref, 'casemanager_overdracht', 5);
    await ops.act(ref, { type: 'sluiting', input: { reason: 'slachtoffer_niet_bereikbaar', by: 'ops' } });
    await h.env.client.workflow.getHandle(ref).result();
    return ref;
  },
  // Gender and earlier abuse at intake, an aangifte recorded in watchful waiting, then
  // withdrawn: the ended case writes its semester report record (patch semester-report-record).
  'aangifte-semesterrecord': async (h) => {
    const ref = await h.start(await h.intake({ gender: 'vrouw', earlierSexualAbuse: 'nee' }));
    await h.until(ref, (s) => s.phase === 'acute_zorg');
    for (const id of [
      'informatief_gesprek',
      'fmo',
      'fmo-opsporing',
      'medische_zorg',
      'casemanager_overdracht',
    ]) {
      await decide(h.env.client, ref, {
        type: 'ontvangstbevestiging',
        input: { requestId: id, by: 'partner-1' },
      });
    }
    await h.until(ref, (s) => s.phase === 'watchful_waiting');
    await decide(h.env.client, ref, { type: 'aangifte', input: { made: true, by: 'cm-1' } });
    await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
    await h.env.client.workflow.getHandle(ref).result();
    return ref;
  },
  // Police "ja" with consent for the zedenpolitie and a re-notification after it, then withdrawn:
  // the partner requests carry no victim details (patch partner-request-without-details).
  'partnerbericht-zonder-gegevens': async (h) => {
    const ref = await h.start(await h.intake({ practicalNotes: 'Bellen na 18:00' }));
    await h.until(ref, (s) => s.phase === 'acute_zorg');
    await decide(h.env.client, ref, {
      type: 'toestemming',
      input: { role: 'zedenpolitie', given: true, by: 'cm-1' },
    });
    await h.skip(60 * MINUTE + 1000);
    await h.untilSent(ref, 'informatief_gesprek', 2);
    await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
    await h.env.client.workflow.getHandle(ref).result();
    return ref;
  },
  // Corrections on a running case: the age (the FMO moves to the NFI), medical care wanted after
  // all, new contact details, then a municipality in another region (the case is transferred).
  'correcties-overgedragen': async (h) => {
    const ref = await h.start(await h.intake({ wishes: { police: 'ja', medicalCare: 'nee' } }));
    await h.until(ref, (s) => s.phase === 'acute_zorg');
    await h.untilSent(ref, 'fmo', 1);
    await decide(h.env.client, ref, {
      type: 'leeftijd',
      input: { victimAge: { kind: 'years', years: 14 }, reason: 'invoerfout', by: 'cm-1' },
    });
    await h.untilSent(ref, 'fmo-2', 1);
    await decide(h.env.client, ref, {
      type: 'medische_wens',
      input: { wish: 'ja', reason: 'op_verzoek_slachtoffer', by: 'cm-1' },
    });
    await h.untilSent(ref, 'medische_zorg', 1);
    await decide(h.env.client, ref, {
      type: 'contactgegevens',
      input: { phone: '+31612399999', reason: 'gewijzigd', by: 'cm-1' },
    });
    await decide(h.env.client, ref, {
      type: 'gemeente',
      input: { municipality: 'Nijmegen', reason: 'invoerfout', by: 'cm-1' },
    });
    await h.untilSent(ref, 'regio_overdracht', 1);
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'regio_overdracht', by: 'co-gzm' },
    });
    await h.env.client.workflow.getHandle(ref).result();
    return ref;
  },
  // A municipality in another region: the case names the receiving region in a search attribute
  // (patch transfer-region-searchable) and that region's coordinator takes it over.
  'overgedragen-zichtbaar': async (h) => {
    const ref = await h.start(await h.intake({ municipality: 'Maastricht' }));
    await h.until(ref, (s) => s.phase === 'acute_zorg');
    await decide(h.env.client, ref, {
      type: 'gemeente',
      input: { municipality: 'Nijmegen', reason: 'gewijzigd', by: 'cm-1' },
    });
    await h.untilSent(ref, 'regio_overdracht', 1);
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'regio_overdracht', by: 'co-gzm' },
    });
    await h.env.client.workflow.getHandle(ref).result();
    return ref;
  },
  // The same person again: a withdrawn case reopened as a new melding (linked to it, with the
  // reason and who), which is linked later to one more earlier melding, then withdrawn.
  'heropend-gekoppeld': async (h) => {
    const earlier = await h.start(await h.intake());
    await decide(h.env.client, earlier, { type: 'intrekking', input: { by: 'cm-1' } });
    await h.env.client.workflow.getHandle(earlier).result();
    const koppelingen = createKoppelingService(h.env.client as Client, h.taskQueue);
    const reopened = await koppelingen.reopen(earlier, {
      reason: 'opnieuw_contact',
      by: 'cm-1',
      now: new Date(await h.now()),
    });
    if (reopened.status !== 'reopened') throw new Error(`not reopened: ${reopened.status}`);
    const ref = reopened.reference;
    await h.until(ref, (s) => s.phase !== 'triage');
    await decide(h.env.client, ref, {
      type: 'koppeling',
      input: { reference: 'CSG-LIM-2025-000042', by: 'cm-1' },
    });
    await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
    await h.env.client.workflow.getHandle(ref).result();
    return ref;
  },
  // The worklist row kept in the memo (patch worklist-row-memo): owned, every check-in, afgerond.
  'werklijst-rij': async (h) => {
    const intake = await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } });
    const ref = await h.start(intake);
    await h.until(ref, (s) => open(s, 'casemanager_overdracht') !== undefined);
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'casemanager_overdracht', by: 'cm-lim' },
    });
    await h.until(ref, (s) => s.phase === 'watchful_waiting');
    await checkIns(h, ref, Date.parse(intake.receivedAt), [1, 7, 14, 28], false);
    await h.env.client.workflow.getHandle(ref).result();
    return ref;
  },
  // The casemanager owns the case: cm-lim accepts the handover and answers day 1 at their own
  // address; the coordinator hands the case to cm-017, who is silent at day 7 (their reminder,
  // then the on-call casemanager answers); cm-017 answers day 14 and the screening.
  'eigenaar-checkins': async (h) => {
    const intake = await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } });
    const ref = await h.start(intake);
    await h.until(ref, (s) => open(s, 'casemanager_overdracht') !== undefined);
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'casemanager_overdracht', by: 'cm-lim' },
    });
    await h.until(ref, (s) => s.phase === 'watchful_waiting');
    const base = Date.parse(intake.receivedAt);
    await checkIns(h, ref, base, [1], false);
    await decide(h.env.client, ref, {
      type: 'eigenaar',
      input: { casemanager: 'cm-017', reason: 'werkverdeling', by: 'coord-lim' },
    });
    await h.skip(base + 7 * DAY + 1000 - (await h.now()));
    await h.until(ref, (s) => open(s, 'checkin-dag-7') !== undefined);
    await h.skip(2 * DAY + 1000);
    await h.until(ref, (s) => open(s, 'checkin-dag-7')?.awaitedTier === 'primary');
    await decide(h.env.client, ref, {
      type: 'checkin',
      input: { requestId: 'checkin-dag-7', outcome: 'geen_contact', by: 'partnerlink:casemanager' },
    });
    await checkIns(h, ref, base, [14, 28], false);
    await h.env.client.workflow.getHandle(ref).result();
    return ref;
  },
  // Watchful waiting on a plan: a contact at day 1 moves day 7 to day 5; a check-in added at day 3
  // (answered "geen contact" through its link), day 14 cancelled, the extension to six months; at
  // day 5 two attempts do not reach the victim, the coordinator is asked and says keep trying; the
  // retry reaches the victim, the screening points to PTSS, the GGZ confirms the referral.
  'checkin-plan': async (h) => {
    const { intake, ref, cm } = await nonAcuteCase(h);
    const base = Date.parse(intake.receivedAt);
    const at = (days: number) => new Date(base + days * DAY).toISOString();
    const skipTo = async (days: number) => {
      const wait = base + days * DAY - (await h.now());
      if (wait > 0) await h.skip(wait + 1000);
    };
    await cm({ type: 'ontvangstbevestiging', input: { requestId: 'casemanager_overdracht', by: 'cm-lim' } });
    await h.until(ref, (s) => s.phase === 'watchful_waiting');
    await skipTo(1);
    await h.until(ref, (s) => open(s, 'checkin-dag-1') !== undefined);
    await cm({
      type: 'contactmoment',
      input: { reached: true, outcome: 'gaat_goed', note: 'Werkt weer', nextContactAt: at(5), by: 'cm-lim' },
    });
    await cm({ type: 'planning', input: { action: 'toevoegen', at: at(3), by: 'cm-lim' } });
    await cm({ type: 'planning', input: { action: 'annuleren', checkInId: 'checkin-dag-14', by: 'cm-lim' } });
    await cm({ type: 'verlenging', input: { by: 'cm-lim' } });
    await skipTo(3);
    await h.until(ref, (s) => open(s, 'checkin-extra-1') !== undefined);
    await cm({
      type: 'checkin',
      input: { requestId: 'checkin-extra-1', outcome: 'geen_contact', by: 'partnerlink:casemanager' },
    });
    await skipTo(5);
    await h.until(ref, (s) => open(s, 'checkin-dag-7') !== undefined);
    for (const hours of [2, 3]) {
      const retryAt = new Date(base + 5 * DAY + hours * 60 * MINUTE).toISOString();
      await cm({ type: 'contactmoment', input: { reached: false, retryAt, by: 'cm-lim' } });
    }
    await h.until(ref, (s) => open(s, 'contactpogingen') !== undefined);
    await cm({ type: 'contactpogingen', input: { besluit: 'blijven_proberen', by: 'coord-lim' } });
    await h.skip(4 * 60 * MINUTE);
    await h.until(ref, (s) => open(s, 'checkin-poging-1') !== undefined);
    await cm({
      type: 'contactmoment',
      input: { reached: true, outcome: 'stressreactie', screening: 'ptss_vermoeden', by: 'cm-lim' },
    });
    await h.until(ref, (s) => open(s, 'ggz_verwijzing') !== undefined);
    await cm({ type: 'ontvangstbevestiging', input: { requestId: 'ggz_verwijzing', by: 'ggz-1' } });
    await h.env.client.workflow.getHandle(ref).result();
    return ref;
  },
  // A non-acute case counted in its semester from intake (its open record), an early GGZ referral
  // on a Friday evening whose clock waits for the GGZ's office hours, its second step on Monday.
  'kantoortijden-semester': async (h) => {
    const { intake, ref, cm } = await nonAcuteCase(h);
    await cm({ type: 'ontvangstbevestiging', input: { requestId: 'casemanager_overdracht', by: 'cm-lim' } });
    await h.until(ref, (s) => s.phase === 'watchful_waiting');
    await h.skip(Date.parse(intake.receivedAt) + DAY + 1000 - (await h.now()));
    await h.until(ref, (s) => open(s, 'checkin-dag-1') !== undefined);
    await cm({ type: 'contactmoment', input: { reached: true, outcome: 'stressreactie', by: 'cm-lim' } });
    const friday = nextDutchHour(await h.now(), 5, 20);
    await h.skip(friday - (await h.now()));
    await cm({ type: 'ggz_verwijzing', input: { reason: 'stressreactie', by: 'cm-lim' } });
    await h.skip(nextDutchHour(friday, 1, 10) + MINUTE - (await h.now()));
    await h.until(ref, (s) => (open(s, 'ggz_verwijzing')?.escalationLevel ?? 0) >= 1);
    await cm({ type: 'ontvangstbevestiging', input: { requestId: 'ggz_verwijzing', by: 'ggz-1' } });
    await h.env.client.workflow.getHandle(ref).result();
    return ref;
  },
  // The case file written at each milestone: a corrected language, consent, the police wish "ja"
  // then "nee" (a request sent, cancelled, its partner told), the handover accepted, a contact at
  // day 1, and an ops closing with a reason.
  'dossier-mijlpalen': async (h) => {
    const { intake, ref, cm } = await nonAcuteCase(h);
    await cm({
      type: 'taal',
      input: { language: 'ar', interpreterNeeded: true, reason: 'nieuwe_informatie', by: 'cm-lim' },
    });
    await cm({ type: 'toestemming', input: { role: 'zedenpolitie', given: true, by: 'cm-lim' } });
    await cm({ type: 'politiewens', input: { wish: 'ja', by: 'cm-lim' } });
    await h.until(ref, (s) => open(s, 'informatief_gesprek') !== undefined);
    await cm({ type: 'politiewens', input: { wish: 'nee', by: 'cm-lim' } });
    await cm({ type: 'ontvangstbevestiging', input: { requestId: 'casemanager_overdracht', by: 'cm-lim' } });
    await h.until(ref, (s) => s.phase === 'watchful_waiting');
    await h.skip(Date.parse(intake.receivedAt) + DAY + 1000 - (await h.now()));
    await h.until(ref, (s) => open(s, 'checkin-dag-1') !== undefined);
    await cm({ type: 'contactmoment', input: { reached: true, outcome: 'gaat_goed', by: 'cm-lim' } });
    await createOpsService(h.env.client).act(ref, {
      type: 'sluiting',
      input: { reason: 'zorg_elders', by: 'ops' },
    });
    await h.env.client.workflow.getHandle(ref).result();
    return ref;
  },
  // Partner requests as tasks (patch requests-as-tasks): the zedenpolitie's primary declines (the
  // backup is asked at once) and the backup accepts, plans and reports it done; the FMO is planned
  // twice and done; medical care accepted but not done; the handover accepted, then withdrawn.
  'taken-afwijzen-uitgevoerd': async (h) => {
    const ref = await h.start(await h.intake({ gender: 'man' }));
    const act = (decision: Parameters<typeof decide>[2]) => decide(h.env.client, ref, decision);
    await h.until(ref, (s) => s.phase === 'acute_zorg');
    await h.untilSent(ref, 'informatief_gesprek', 1);
    const primary = { tier: 'primary' as const, attempt: 1 };
    await act({
      type: 'taak',
      input: {
        requestId: 'informatief_gesprek',
        link: primary,
        step: { action: 'afwijzen', reason: 'geen_capaciteit' },
        by: 'partnerlink:zedenpolitie',
      },
    });
    await h.untilSent(ref, 'informatief_gesprek', 2);
    const backup = { tier: 'backup' as const, attempt: 2 };
    const plan = (at: string, place: string) => ({ action: 'plannen' as const, appointment: { at, place } });
    const police = { requestId: 'informatief_gesprek', link: backup, by: 'partnerlink:zedenpolitie' };
    await act({ type: 'ontvangstbevestiging', input: police });
    await act({
      type: 'taak',
      input: { ...police, step: plan('2026-12-02T10:00:00+01:00', 'Politiebureau') },
    });
    await act({ type: 'taak', input: { ...police, step: { action: 'uitgevoerd', outcome: 'afgerond' } } });
    for (const id of ['fmo', 'fmo-opsporing', 'medische_zorg', 'casemanager_overdracht']) {
      await act({ type: 'ontvangstbevestiging', input: { requestId: id, by: 'partner-1' } });
    }
    const fmo = { requestId: 'fmo', by: 'partnerlink:forensisch_arts' };
    await act({
      type: 'taak',
      input: { ...fmo, step: plan('2026-12-01T09:00:00+01:00', 'Forensisch team') },
    });
    await act({
      type: 'taak',
      input: { ...fmo, step: plan('2026-12-01T13:00:00+01:00', 'Forensisch team') },
    });
    await act({
      type: 'taak',
      input: { ...fmo, step: { action: 'uitgevoerd', outcome: 'afgerond_met_vervolg' } },
    });
    await act({
      type: 'taak',
      input: {
        requestId: 'medische_zorg',
        step: { action: 'niet_uitgevoerd', reason: 'niet_verschenen' },
        by: 'seh-1',
      },
    });
    await h.until(ref, (s) => s.phase === 'watchful_waiting');
    await act({ type: 'intrekking', input: { by: 'cm-1' } });
    await h.env.client.workflow.getHandle(ref).result();
    return ref;
  },
  // Consent to the questions about the help received, an early GGZ referral accepted on a Saturday
  // evening: the case closes, waits for Monday 09:00, sends the one invitation, then completes.
  ervaringsvragen: async (h) => {
    const { ref, cm } = await nonAcuteCase(h);
    await cm({ type: 'ontvangstbevestiging', input: { requestId: 'casemanager_overdracht', by: 'cm-1' } });
    await h.until(ref, (s) => s.phase === 'watchful_waiting');
    await cm({ type: 'ervaringsvragen', input: { given: true, by: 'hulplijn-017' } });
    await cm({ type: 'ggz_verwijzing', input: { reason: 'wens_slachtoffer', by: 'cm-1' } });
    const referral = await h.until(ref, (s) => s.openRequests.some((r) => r.kind === 'ggz_verwijzing'));
    const requestId = referral.openRequests.find((r) => r.kind === 'ggz_verwijzing')!.requestId;
    await h.skip(nextDutchHour(await h.now(), 6, 22) - (await h.now()));
    await cm({ type: 'ontvangstbevestiging', input: { requestId, by: 'ggz-1' } });
    await h.until(ref, (s) => s.phase === 'afgesloten');
    await h.skip(3 * DAY);
    await h.env.client.workflow.getHandle(ref).result();
    return ref;
  },
};

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in scenarios));
  if (unknown.length) throw new Error(`unknown scenario(s): ${unknown.join(', ')}`);
  const h = await createHarness('replay-record');
  try {
    for (const [name, scenario] of Object.entries(scenarios)) {
      if (wanted.length > 0 && !wanted.includes(name)) continue;
      const ref = await scenario(h);
      const history = await h.env.client.workflow.getHandle(ref).fetchHistory();
      // The harness encrypts payloads as production does (test keys), so these histories hold
      // ciphertext; the replay test decodes them with the same keys.
      const file = join(__dirname, 'histories', `${name}.encrypted.json`);
      // Stored as the binary proto in base64 inside JSON: historyToJSON trips over the duplicate
      // protobufjs copies under @temporalio/* ("type must be a Type", see docs/design notes).
      const proto = Buffer.from(temporal.api.history.v1.History.encode(history).finish()).toString('base64');
      writeFileSync(
        file,
        JSON.stringify(
          {
            workflowId: ref,
            scenario: name,
            events: history.events?.length,
            encoding: 'proto-base64',
            payloads: 'AES-256-GCM with the test keys of testkit/temporal.ts',
            history: proto,
          },
          null,
          2,
        ) + '\n',
      );
      console.log(`recorded ${name}: ${history.events?.length} events → ${file}`);
    }
  } finally {
    await h.teardown();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
