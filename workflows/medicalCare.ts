/**
 * The medical care track, coordinated with the FMO: one visit where possible. Within 72 hours of
 * the incident medical care is acute (SEH), after it the region's other partner.
 */
import type { MeldingCase } from './caseState';
import { liveFmo } from './policeAndFmo';

const noteFor = (withFmo: boolean) =>
  withFmo ? 'Medische zorg gecombineerd met het FMO (één bezoek)' : 'Medische zorg';

/** At intake: medical care if the victim wants it, or is undecided while an FMO is coming anyway. */
export function startMedicalCare(c: MeldingCase): void {
  const wish = c.intake.wishes.medicalCare;
  const withFmo = liveFmo(c) !== undefined;
  if (wish === 'nee' || (wish === 'twijfel' && !withFmo)) return;
  c.medicalBranch = c.triage.medicalPartner;
  c.startRequest('medische_zorg', 'medische_zorg', c.medicalBranch, c.pathway.partnerLadder, {
    note: noteFor(withFmo),
  });
}

/**
 * A corrected incident time can move the case across the 72-hour line: a medical request nobody
 * has taken yet goes to the right partner instead, and the other is told it lapsed.
 */
export function followMedicalBranch(c: MeldingCase): void {
  if (!c.medicalBranch || c.medicalBranch === c.triage.medicalPartner) return;
  const current = c.liveOfKind(['medische_zorg']).find((r) => r.isOpen);
  if (!current) return;
  c.endRequest(current, 'vervallen');
  c.medicalBranch = c.triage.medicalPartner;
  c.startRequest(c.nextId('medische_zorg'), 'medische_zorg', c.medicalBranch, c.pathway.partnerLadder, {
    note: noteFor(liveFmo(c) !== undefined),
  });
}

/**
 * The medical-care wish changed on the running case: a "ja" starts the medical track if nothing
 * is in play (at any phase, with the branch the triage gives now); a "nee" stands down every
 * medical request still in play, its partner told. "Twijfel" leaves what runs as it is.
 */
export function followMedicalWish(c: MeldingCase): void {
  const wish = c.intake.wishes.medicalCare;
  const live = c.liveOfKind(['medische_zorg']);
  if (wish === 'nee') {
    for (const r of live) c.endRequest(r, 'ingetrokken');
    return;
  }
  if (wish !== 'ja' || live.length > 0) return;
  c.medicalBranch = c.triage.medicalPartner;
  c.startRequest(c.nextId('medische_zorg'), 'medische_zorg', c.medicalBranch, c.pathway.partnerLadder, {
    note: noteFor(liveFmo(c) !== undefined),
  });
}
