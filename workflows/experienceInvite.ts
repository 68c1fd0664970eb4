/**
 * The victim's own experience: consent to a few questions about the help received, recorded as a
 * decision, and at the end of a case that ran its course one invitation through a safe channel, at
 * a reasonable hour (domain/reasonableHours.ts). Without consent nothing is sent; a withdrawal, a
 * transfer or a closing by hand sends nothing either: the case did not end with the help given.
 *
 * The wait for a reasonable hour stays inside the case (which completes once the invitation went
 * out) rather than in a child or a tail of its own: the number or address then never leaves the
 * case's own encrypted history, which the retention deletes with it, and the wait is short (a
 * night, a Sunday, a holiday: a few days at most). While it waits, the victim may still withdraw
 * the consent, and nothing is sent.
 */
import { condition, log, patched, proxyActivities } from '@temporalio/workflow';
import type { ExperienceActivities, ExperienceInvite } from '../activities/experienceInvite';
import { nextReasonableMoment } from '../domain/reasonableHours';
import { semesterOf } from '../domain/semesterReport';
import type { MeldingCase } from './caseState';
import { setRecordedHandler } from './caseFileMilestones';
import { recordExperienceConsent } from './messages';
import { ensureBy } from './validation';

/** As EXPERIENCE_LINK_VALIDITY_MS in cases/experienceLinks.ts (not imported: it loads node:crypto). */
const LINK_VALIDITY_MS = 30 * 24 * 3600_000;

const experience = proxyActivities<ExperienceActivities>({
  startToCloseTimeout: '1 minute',
  // An invitation days late is no use: after a day of trying the case closes without it.
  scheduleToCloseTimeout: '1 day',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumInterval: '1 hour' },
});

export function registerExperienceConsent(c: MeldingCase): void {
  setRecordedHandler(
    c.caseFile,
    recordExperienceConsent,
    ({ given, by }) => {
      c.experienceConsent = given;
      c.decide('ervaringsvragen', by, given ? 'gegeven' : 'ingetrokken');
      return c.state();
    },
    {
      validator: ({ given, by }) => {
        ensureBy(by);
        if (typeof given !== 'boolean') throw new Error('given: expected true or false');
        // A withdrawal counts until the invitation went out, also while it waits for a
        // reasonable hour after the end; a consent only while the case runs.
        if (!given && !c.experienceInviteSent) return;
        c.requireActive();
      },
    },
  );
}

/** SMS when texting is safe, else email when that is safe, else nothing (and only with the detail at hand). */
export function inviteChannel(c: MeldingCase): Pick<ExperienceInvite, 'channel' | 'to'> | undefined {
  const { contactPreferences: safe, victimContact: contact } = c.intake;
  if (safe.safeToText && contact.phone) return { channel: 'sms', to: contact.phone };
  if (safe.safeToEmail && contact.email) return { channel: 'email', to: contact.email };
  return undefined;
}

/** Whether this ending invites: a case that ran its course, with consent standing. */
function invites(c: MeldingCase): boolean {
  return (
    c.experienceConsent &&
    c.closing === undefined &&
    (c.outcome === 'afgerond' || c.outcome === 'verwezen_ggz')
  );
}

/** Sends the one invitation at the next reasonable hour, if the case invites; never fails the case. */
export async function inviteToExperience(c: MeldingCase): Promise<void> {
  const via = invites(c) ? inviteChannel(c) : undefined;
  if (!via || !patched('ervaringsvragen')) return;
  const waitMs = nextReasonableMoment(Date.now(), c.pathway.closedDays ?? []) - Date.now();
  if (waitMs > 0) {
    await condition(() => !c.experienceConsent, waitMs);
    if (!c.experienceConsent) return;
  }
  c.experienceInviteSent = true;
  try {
    await experience.sendExperienceInvite({
      meldingRef: c.ref,
      ...via,
      language: (c.intake.language ?? 'nl').toLowerCase().startsWith('nl') ? 'nl' : 'en',
      regionId: c.pathway.regionId,
      semester: semesterOf(new Date(c.intake.receivedAt)),
      expiresAt: new Date(Date.now() + LINK_VALIDITY_MS).toISOString(),
    });
  } catch {
    log.warn('experience invitation not sent; the case closes without it', { meldingRef: c.ref });
  }
}
