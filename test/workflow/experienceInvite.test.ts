/**
 * The victim's invitation to a few questions about the help received: sent once, after a case that
 * ran its course, with consent, through the safe channel, at the next reasonable hour; never
 * without consent, after a withdrawal of the consent or of the melding, or after a transfer.
 */
import { decide, DecisionRejectedError } from '../../cases/meldingClient';
import { nextReasonableMoment } from '../../domain/reasonableHours';
import { pathwayFor, REGIONS } from '../../regions';
import type { ContactPreferences } from '../../domain/types';
import { CM, startInWatchfulWaiting, type CaseInWaiting } from './checkInSteps';
import { DAY, HOUR, nextDutchHour, open, useHarness } from './harness';

const h = useHarness('wf-ervaring');
const LINK_DAYS = 30;

const consent = (ref: string, given: boolean, by = 'hulplijn-017') =>
  decide(h.env.client, ref, { type: 'ervaringsvragen', input: { given, by } });

/** A case in watchful waiting whose contact preferences are `safe`. */
async function waitingCase(
  safe?: Partial<ContactPreferences>,
  experienceQuestions?: boolean,
): Promise<CaseInWaiting> {
  if (!safe && experienceQuestions === undefined) return startInWatchfulWaiting(h);
  const intake = await h.intake({
    municipality: 'Maastricht',
    wishes: { police: 'nee', medicalCare: 'nee' },
    contactPreferences: { safeToCall: true, safeToText: true, safeToEmail: false, ...safe },
    ...(experienceQuestions !== undefined ? { experienceQuestions } : {}),
  });
  const ref = await h.start(intake);
  await h.until(ref, (s) => open(s, 'casemanager_overdracht') !== undefined);
  await decide(h.env.client, ref, {
    type: 'ontvangstbevestiging',
    input: { requestId: 'casemanager_overdracht', by: CM },
  });
  await h.until(ref, (s) => s.phase === 'watchful_waiting');
  return { ref, base: Date.parse(intake.receivedAt) };
}

/** Referred to the GGZ early, the clock moved to Saturday 22:00, then the GGZ accepts: the case ends. */
async function endOnSaturdayEvening(ref: string): Promise<{ closedAt: number }> {
  await decide(h.env.client, ref, { type: 'ggz_verwijzing', input: { reason: 'wens_slachtoffer', by: CM } });
  const referral = await h.until(ref, (s) => s.openRequests.some((r) => r.kind === 'ggz_verwijzing'));
  const requestId = referral.openRequests.find((r) => r.kind === 'ggz_verwijzing')!.requestId;
  await h.skip(nextDutchHour(await h.now(), 6, 22) - (await h.now()));
  await decide(h.env.client, ref, { type: 'ontvangstbevestiging', input: { requestId, by: 'ggz-1' } });
  await h.until(ref, (s) => s.phase === 'afgesloten');
  return { closedAt: await h.now() };
}

const sentAt = (expiresAt: string) => Date.parse(expiresAt) - LINK_DAYS * DAY;
const invitesOf = (ref: string) => h.partners.invites.filter((i) => i.meldingRef === ref);

test('consent given: one invitation by SMS at the next reasonable hour after the closing, then the case completes', async () => {
  const c = await waitingCase();
  await consent(c.ref, true);
  const { closedAt } = await endOnSaturdayEvening(c.ref);
  // Saturday night and Sunday pass without a message.
  await h.skip(20 * HOUR);
  expect(invitesOf(c.ref)).toEqual([]);
  await h.skip(2 * DAY);
  const result = await h.env.client.workflow.getHandle(c.ref).result();
  expect(result.outcome).toBe('verwezen_ggz');

  const invites = invitesOf(c.ref);
  expect(invites).toHaveLength(1);
  const [invite] = invites;
  expect(invite).toMatchObject({
    channel: 'sms',
    to: '+31612300000',
    language: 'nl',
    regionId: 'limburg',
  });
  const closedDays = pathwayFor(REGIONS.get('limburg')!).closedDays ?? [];
  const expected = nextReasonableMoment(Date.parse(result.closedAt), closedDays);
  // Closed on Saturday after 22:00: Monday 09:00 at the earliest, a day and a half on.
  expect(expected - closedAt).toBeGreaterThan(30 * HOUR);
  expect(Math.abs(sentAt(invite!.expiresAt) - expected)).toBeLessThan(60_000);
  expect((await h.state(c.ref)).decisions.map((d) => d.type)).toContain('ervaringsvragen');
});

test('texting not safe, email safe: the invitation goes by email, in English for a victim who speaks English', async () => {
  const intakeLanguage = 'en';
  const c = await waitingCase({ safeToText: false, safeToEmail: true });
  await decide(h.env.client, c.ref, {
    type: 'taal',
    input: { language: intakeLanguage, reason: 'nieuwe_informatie', by: CM },
  });
  await consent(c.ref, true, CM);
  await endOnSaturdayEvening(c.ref);
  await h.skip(3 * DAY);
  await h.env.client.workflow.getHandle(c.ref).result();
  expect(invitesOf(c.ref)).toEqual([
    expect.objectContaining({ channel: 'email', to: 'slachtoffer@voorbeeld.example', language: 'en' }),
  ]);
});

test('consent ticked at intake: the invitation goes out without a later decision', async () => {
  const c = await waitingCase(undefined, true);
  await endOnSaturdayEvening(c.ref);
  await h.skip(3 * DAY);
  await h.env.client.workflow.getHandle(c.ref).result();
  expect(invitesOf(c.ref)).toEqual([expect.objectContaining({ channel: 'sms', regionId: 'limburg' })]);
});

test('no safe channel for a message: nothing is sent, though the victim consented', async () => {
  const c = await waitingCase({ safeToText: false, safeToEmail: false });
  await consent(c.ref, true);
  await endOnSaturdayEvening(c.ref);
  await h.skip(3 * DAY);
  await h.env.client.workflow.getHandle(c.ref).result();
  expect(invitesOf(c.ref)).toEqual([]);
});

test('no consent: nothing is sent', async () => {
  const c = await waitingCase();
  await endOnSaturdayEvening(c.ref);
  await h.skip(3 * DAY);
  await h.env.client.workflow.getHandle(c.ref).result();
  expect(invitesOf(c.ref)).toEqual([]);
});

test('consent withdrawn before the end: nothing is sent', async () => {
  const c = await waitingCase();
  await consent(c.ref, true);
  await consent(c.ref, false, CM);
  await endOnSaturdayEvening(c.ref);
  await h.skip(3 * DAY);
  await h.env.client.workflow.getHandle(c.ref).result();
  expect(invitesOf(c.ref)).toEqual([]);
});

test('consent withdrawn while the invitation waits for Monday: nothing is sent; a new consent then is refused', async () => {
  const c = await waitingCase();
  await consent(c.ref, true);
  await endOnSaturdayEvening(c.ref);
  await consent(c.ref, false);
  await expect(consent(c.ref, true)).rejects.toBeInstanceOf(DecisionRejectedError);
  await h.skip(3 * DAY);
  await h.env.client.workflow.getHandle(c.ref).result();
  expect(invitesOf(c.ref)).toEqual([]);
});

test('the melding withdrawn, or transferred: nothing is sent', async () => {
  const withdrawn = await waitingCase();
  await consent(withdrawn.ref, true);
  await decide(h.env.client, withdrawn.ref, { type: 'intrekking', input: { by: 'hulplijn-017' } });
  const transferred = await waitingCase();
  await consent(transferred.ref, true);
  await decide(h.env.client, transferred.ref, {
    type: 'overdracht',
    input: { toRegionId: 'gelderland-zuid-midden', by: 'coord-017' },
  });
  const handover = await h.until(transferred.ref, (s) => open(s, 'regio_overdracht') !== undefined);
  expect(handover.phase).not.toBe('afgesloten');
  await decide(h.env.client, transferred.ref, {
    type: 'ontvangstbevestiging',
    input: { requestId: 'regio_overdracht', by: 'coord-gzm' },
  });
  await h.skip(3 * DAY);
  await h.env.client.workflow.getHandle(withdrawn.ref).result();
  expect((await h.env.client.workflow.getHandle(transferred.ref).result()).outcome).toBe('overgedragen');
  expect(invitesOf(withdrawn.ref)).toEqual([]);
  expect(invitesOf(transferred.ref)).toEqual([]);
});

test('a consent that is not true or false is refused, naming the field', async () => {
  const c = await waitingCase();
  await expect(
    decide(h.env.client, c.ref, { type: 'ervaringsvragen', input: { given: 'ja' as never, by: CM } }),
  ).rejects.toThrow(/given/);
});
