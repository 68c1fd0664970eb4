/**
 * Triage: which window a melding falls in, measured from the incident, and which partners follow
 * from it. Pure functions, so every boundary is tested in a table and the workflow can call them
 * deterministically.
 *
 * Rules (domain brief, sections 1 and 3):
 * - within 72 hours, inclusive: the Limburg 2026 split of medical care;
 * - up to and including 7 days: acute ("tot en met 7 dagen", "≤ 7 dagen");
 * - after that: non-acute, still helped.
 * An approximate time is triaged on the latest moment of its range and an unknown time as if it
 * were now: the most urgent window the facts allow, until the casemanager corrects it.
 * Victims up to and including 15 are examined by the NFI instead of the local forensisch arts.
 */
import type { IncidentTime, TriageResult, TriageWindow, VictimAge } from './types';

const HOUR_MS = 60 * 60 * 1000;
export const WINDOW_72_HOURS_MS = 72 * HOUR_MS;
export const WINDOW_7_DAYS_MS = 7 * 24 * HOUR_MS;
export const NFI_MAX_AGE = 15;

/** The moment triage measures from: the most recent moment the incident can have happened. */
export function triageMoment(incident: IncidentTime, now: Date): { at: Date; basis: TriageResult['basis'] } {
  switch (incident.kind) {
    case 'exact':
      return { at: new Date(incident.at), basis: 'exact' };
    case 'approximate':
      return { at: new Date(incident.latest), basis: 'approximate' };
    case 'unknown':
      return { at: now, basis: 'unknown' };
  }
}

export function windowFor(elapsedMs: number): TriageWindow {
  if (elapsedMs <= WINDOW_72_HOURS_MS) return 'binnen_72_uur';
  if (elapsedMs <= WINDOW_7_DAYS_MS) return 'binnen_7_dagen';
  return 'na_7_dagen';
}

/** Whether the NFI examines: 15 or younger. An unknown age cannot be decided and goes to the forensisch arts. */
export function examinedByNfi(age: VictimAge): boolean {
  if (age.kind === 'years') return age.years <= NFI_MAX_AGE;
  if (age.kind === 'band') return age.band === '0-15';
  return false;
}

export function triage(incident: IncidentTime, age: VictimAge, now: Date): TriageResult {
  const { at, basis } = triageMoment(incident, now);
  // A time in the future (a typo, a clock) is treated as "just now": the most urgent reading.
  const elapsed = Math.max(0, now.getTime() - at.getTime());
  const window = windowFor(elapsed);
  const acute = window !== 'na_7_dagen';
  return {
    window,
    acute,
    basis,
    forensicPartner: examinedByNfi(age) ? 'nfi' : 'forensisch_arts',
    medicalPartner: window === 'binnen_72_uur' ? 'acute_medische_zorg' : 'medische_zorg_na_72_uur',
    ...(acute ? { fmoDeadline: new Date(at.getTime() + WINDOW_7_DAYS_MS).toISOString() } : {}),
  };
}
