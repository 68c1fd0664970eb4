/**
 * Product defaults where the source documents are silent (domain brief, section 12). Each region
 * may override them; they are defaults of this product, not facts about the CSG.
 */
import type { PathwaySettings } from '../domain/types';
import { DEFAULT_MAX_FAILED_CONTACTS } from '../domain/vocabulary';

export const DEFAULT_PATHWAY: Omit<PathwaySettings, 'regionId'> = {
  casemanagerLadder: {
    // Acute: 15 minutes to acknowledge, re-notify once, then the backup, then the coordinator.
    acute: [
      { tier: 'primary', waitMinutes: 15 },
      { tier: 'primary', waitMinutes: 15 },
      { tier: 'backup', waitMinutes: 15 },
      { tier: 'coordinator', waitMinutes: 30 },
    ],
    // Non-acute: 4 hours, then the same ladder at a calmer pace.
    nonAcute: [
      { tier: 'primary', waitMinutes: 240 },
      { tier: 'primary', waitMinutes: 60 },
      { tier: 'backup', waitMinutes: 60 },
      { tier: 'coordinator', waitMinutes: 240 },
    ],
  },
  partnerLadder: [
    { tier: 'primary', waitMinutes: 60 },
    { tier: 'primary', waitMinutes: 60 },
    { tier: 'backup', waitMinutes: 60 },
    { tier: 'coordinator', waitMinutes: 120 },
  ],
  // A check-in reminds the casemanager on the day, reminds again a day later, then escalates.
  checkInLadder: [
    { tier: 'primary', waitMinutes: 24 * 60 },
    { tier: 'primary', waitMinutes: 24 * 60 },
    { tier: 'coordinator', waitMinutes: 48 * 60 },
  ],
  // Day 1, 7, 14 and 28 after intake; day 28 is the screening (at least four weeks of watchful waiting).
  checkIns: [
    { day: 1, screening: false },
    { day: 7, screening: false },
    { day: 14, screening: false },
    { day: 28, screening: true },
  ],
  fmoWhenUndecided: true,
  maxFailedContacts: DEFAULT_MAX_FAILED_CONTACTS,
};

// The 6-month follow-up one region uses (domain brief, section 3); the extension of one case adds
// its later check-ins, so it lives with the plan's other rules.
export { SIX_MONTH_CHECK_INS } from '../domain/checkIns';

/**
 * How long after a case closed a coordinator or casemanager of its region may reopen it when the
 * same person comes back (a region setting, `reopenWithinDays`): 90 days is this product's default,
 * roughly the watchful-waiting period again. Later, a new melding is started and linked instead.
 */
export const DEFAULT_REOPEN_WITHIN_DAYS = 90;

/**
 * A desk open Monday to Friday in the same hours (`'09:00-17:00'`), as most partners' are: the
 * `officeHours` of a region file, closed at the weekend (and on public holidays, as every desk).
 */
export function weekdays(span: string): { ma: string; di: string; wo: string; do: string; vr: string } {
  return { ma: span, di: span, wo: span, do: span, vr: span };
}
