/**
 * Whether a partner's signed link may still act: a link is sent to one tier of a request's ladder
 * at one attempt (and, for the case's owner, to one person). Once the request moved on (escalated
 * to the next tier, handed to another tier or another owner), the earlier addressee's link must
 * neither show the victim's details nor acknowledge in the name of whoever is awaited now.
 *
 * The rule: the link's tier is the one awaited, its attempt lies in the stretch of attempts sent
 * to that tier since it became the awaited one (a reminder to the same tier keeps the first mail
 * working), and a link naming an owner names the current owner. A view that does not say which
 * attempts are awaited (a worker from before this rule) cannot be checked, and is refused.
 *
 * Pure: used by the partner page and by the workflow's validators (the sandbox).
 */
import type { RecipientTier } from './vocabulary';

/** What a signed link was sent for. Links from before the tier was signed in carry no tier. */
export interface LinkBinding {
  tier?: RecipientTier;
  attempt: number;
  /** The owner's staff id, on a link sent to the owner's own address. */
  addressee?: string;
}

/** The step a request awaits now, as its view shows it. */
export interface AwaitedStep {
  awaitedTier: RecipientTier;
  /** The last notification's attempt number. */
  attempt?: number;
  /** The first attempt sent to the awaited tier (and owner) since it became the awaited one. */
  awaitedFromAttempt?: number;
}

/** awaited: may act; moved_on: sent for an earlier step; unchecked: the view cannot tell. */
export type LinkStanding = 'awaited' | 'moved_on' | 'unchecked';

export function linkStanding(step: AwaitedStep, link: LinkBinding, owner?: string): LinkStanding {
  const { attempt, awaitedFromAttempt } = step;
  if (attempt === undefined || awaitedFromAttempt === undefined) return 'unchecked';
  if (link.tier !== undefined && link.tier !== step.awaitedTier) return 'moved_on';
  if (link.attempt < awaitedFromAttempt || link.attempt > attempt) return 'moved_on';
  // The case changed hands: the former owner's link no longer speaks for the case.
  if (link.addressee !== undefined && owner !== undefined && link.addressee !== owner) return 'moved_on';
  return 'awaited';
}
