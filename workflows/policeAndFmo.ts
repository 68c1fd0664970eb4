/**
 * The police and FMO track: follows the victim's police wish at any moment. A "ja" asks the
 * zedenpolitie for an informatief gesprek and, inside the acute window, an FMO with the
 * forensisch rechercheur present; a "nee" withdraws every police-side request; "twijfel" stands
 * the police down and keeps the FMO only where the region offers it to undecided victims.
 * A corrected incident time can end the acute window (the FMO lapses) or move its deadline.
 */
import { patched } from '@temporalio/workflow';
import type { RequestKind } from '../domain/types';
import type { MeldingCase } from './caseState';
import type { FmoOffer } from './messages';
import type { PartnerRequest } from './partnerRequest';

const HOUR_MS = 60 * 60 * 1000;
/** An FMO not yet confirmed this long before the end of the acute window goes to the coordinator. */
const FMO_AT_RISK_BEFORE_DEADLINE_MS = 12 * HOUR_MS;
const POLICE_KINDS: RequestKind[] = ['informatief_gesprek', 'fmo'];

/** The FMO request still in play (the forensic examination itself, not the rechercheur's). */
export const liveFmo = (c: MeldingCase): PartnerRequest | undefined =>
  c.liveOfKind(['fmo']).find((r) => r.view.role !== 'forensische_opsporing');
const liveOpsporing = (c: MeldingCase): PartnerRequest | undefined =>
  c.liveOfKind(['fmo']).find((r) => r.view.role === 'forensische_opsporing');

/**
 * At intake the triage decides (an intake at exactly 7 days is still acute); later decisions
 * (a changed wish, a corrected time) also need the acute window to be still open now.
 */
function fmoDecision(c: MeldingCase, atIntake = false): FmoOffer {
  const deadline = c.triage.fmoDeadline ? Date.parse(c.triage.fmoDeadline) : undefined;
  if (!c.triage.acute || deadline === undefined) return 'buiten_acute_termijn';
  if (!atIntake && Date.now() > deadline) return 'buiten_acute_termijn';
  if (c.policeWish === 'ja') return 'aangevraagd';
  if (c.policeWish === 'twijfel') {
    return c.pathway.fmoWhenUndecided ? 'aangeboden_bij_twijfel' : 'niet_aangeboden_bij_twijfel';
  }
  return 'niet_gewenst';
}

/** The FMO's note (named like medicalCare's, so the i18n test finds and checks its literals). */
const noteFor = (undecided: boolean) =>
  undecided
    ? 'FMO: sporen veiligstellen, slachtoffer twijfelt nog over aangifte'
    : 'FMO met forensische opsporing; medische zorg in hetzelfde bezoek';

function recordFmoOffer(c: MeldingCase, next: FmoOffer): void {
  if (next === c.fmoOffer) return;
  c.fmoOffer = next;
  c.decide('fmo_aanbod', 'workflow', next);
}

export function followPoliceWish(c: MeldingCase, atIntake = false): void {
  if (c.closing || c.completed) return;
  if (c.policeWish === 'nee') {
    // The victim does not (or no longer) want police contact: stop and tell every police-side partner.
    for (const r of c.liveOfKind(POLICE_KINDS)) c.endRequest(r, 'ingetrokken');
    recordFmoOffer(c, fmoDecision(c, atIntake));
    return;
  }
  if (c.policeWish === 'twijfel') {
    // Undecided means no police contact: stand the police side down. The FMO stays only where
    // the region offers it to undecided victims (traces secured, no aangifte yet).
    for (const r of c.liveOfKind(['informatief_gesprek'])) c.endRequest(r, 'ingetrokken');
    const opsporing = liveOpsporing(c);
    if (opsporing) c.endRequest(opsporing, 'ingetrokken');
    const fmo = liveFmo(c);
    if (fmo && !c.pathway.fmoWhenUndecided) c.endRequest(fmo, 'ingetrokken');
  }
  if (c.policeWish === 'ja' && c.liveOfKind(['informatief_gesprek']).length === 0) {
    c.startRequest(
      c.nextId('informatief_gesprek'),
      'informatief_gesprek',
      'zedenpolitie',
      c.pathway.partnerLadder,
      { note: 'Informatief gesprek over aangifte, sporenonderzoek en FMO' },
    );
  }
  const offer = fmoDecision(c, atIntake);
  if (liveFmo(c) && offer !== 'buiten_acute_termijn') {
    // An FMO offered while undecided gets its forensisch rechercheur once the victim wants to report.
    if (c.policeWish === 'ja') {
      recordFmoOffer(c, 'aangevraagd');
      if (!liveOpsporing(c)) startOpsporing(c);
    } else {
      recordFmoOffer(c, offer);
    }
    return;
  }
  recordFmoOffer(c, offer);
  if (offer !== 'aangevraagd' && offer !== 'aangeboden_bij_twijfel') return;
  const deadline = Date.parse(c.triage.fmoDeadline!);
  const undecided = offer === 'aangeboden_bij_twijfel';
  // The NFI examines victims of 15 and younger, the local forensisch arts everyone else.
  c.startRequest(c.nextId('fmo'), 'fmo', c.triage.forensicPartner, c.pathway.partnerLadder, {
    note: noteFor(undecided),
    deadline,
    atRiskAt: deadline - FMO_AT_RISK_BEFORE_DEADLINE_MS,
  });
  // The forensisch rechercheur must be present at an FMO for an aangifte; while the victim is
  // undecided the police are not contacted.
  if (!undecided) startOpsporing(c);
}

function startOpsporing(c: MeldingCase): void {
  const deadline = Date.parse(c.triage.fmoDeadline!);
  c.startRequest(c.nextId('fmo-opsporing'), 'fmo', 'forensische_opsporing', c.pathway.partnerLadder, {
    note: 'Aanwezigheid forensisch rechercheur bij het FMO',
    deadline,
    atRiskAt: deadline - FMO_AT_RISK_BEFORE_DEADLINE_MS,
  });
}

/** The incident time was corrected (the triage already redone): the FMO lapses, or follows the new window. */
export function followCorrectedIncidentTime(c: MeldingCase): void {
  if (fmoDecision(c) === 'buiten_acute_termijn') {
    // The FMO is no longer useful: tell the forensic partners it lapsed.
    // Acknowledged ones too: a forensic doctor who agreed to come must hear it is off.
    for (const r of c.liveOfKind(['fmo'])) c.endRequest(r, 'vervallen');
    recordFmoOffer(c, 'buiten_acute_termijn');
    return;
  }
  followPoliceWish(c);
  if (patched('fmo-deadline-follows-correction')) {
    // The FMO's deadline counts from the incident: a corrected time moves it, and with it
    // the moment the coordinator is called in.
    const deadline = Date.parse(c.triage.fmoDeadline!);
    for (const r of c.liveOfKind(['fmo'])) {
      if (r.view.deadline !== undefined && Date.parse(r.view.deadline) !== deadline) {
        r.reschedule(deadline, deadline - FMO_AT_RISK_BEFORE_DEADLINE_MS);
      }
    }
  }
}

/**
 * The age was corrected (the forensic partner already redone): an FMO with the wrong examiner
 * lapses, its partner told, and the right one is asked with the same deadline. Acknowledged ones
 * too: a forensisch arts who agreed to come must hear the NFI examines instead, and the reverse.
 */
export function followCorrectedAge(c: MeldingCase): void {
  const fmo = liveFmo(c);
  if (!fmo || fmo.view.role === c.triage.forensicPartner) return;
  const deadline = Date.parse(fmo.view.deadline ?? c.triage.fmoDeadline!);
  // Past the acute window no examination is useful any more: nobody is asked anew.
  if (Date.now() > deadline) return;
  c.endRequest(fmo, 'vervallen');
  const undecided = c.fmoOffer === 'aangeboden_bij_twijfel';
  c.startRequest(c.nextId('fmo'), 'fmo', c.triage.forensicPartner, c.pathway.partnerLadder, {
    note: noteFor(undecided),
    deadline,
    atRiskAt: deadline - FMO_AT_RISK_BEFORE_DEADLINE_MS,
  });
}
