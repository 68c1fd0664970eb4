/**
 * The melding workflow: one durable case per report (workflow id = melding reference), from
 * triage to the end of watchful waiting.
 *
 * Phases, as ops follow them in the Temporal UI (search attribute CsgPhase):
 *   triage → acute_zorg (police / FMO / medical requests under way, if any)
 *          → casemanager_overdracht (until the on-call casemanager acknowledged, or the ladder ran out)
 *          → watchful_waiting (a plan of check-ins, from PathwaySettings.checkIns, that the
 *            casemanager changes as contacts happen: watchfulPlan.ts, checkInDecisions.ts)
 *          → ggz_verwijzing (a screening that points to PTSS, or an early referral) → afgesloten.
 * The casemanager handover starts at intake, beside the acute requests. The police track follows
 * the victim's wish at any moment (a later "ja" starts it, a "nee" withdraws it). A withdrawal or
 * a transfer ends the case in any phase: every open request is cancelled at once and its partner
 * told, so nobody contacts the victim.
 *
 * Each part lives in its own module: the case state (caseState.ts), the decision handlers
 * (decisions.ts), the corrections of the intake (corrections.ts), the links to earlier meldingen
 * (koppeling.ts), who owns the case (owner.ts), the ops actions (opsActions.ts), and the tracks: police and FMO
 * (policeAndFmo.ts), medical care (medicalCare.ts), the casemanager handover
 * (casemanagerHandover.ts), watchful waiting (watchfulWaiting.ts) and the ending (ending.ts).
 *
 * Decisions arrive as Updates with validators (a rejected update changes nothing); delivery
 * reports as a signal. The state query and the search attributes hold no personal data.
 *
 * Changing the pathway later: wrap the new behaviour in `if (patched('<change-id>'))` so running
 * cases keep their old path, and record a new history into test/replay/histories/.
 */
import { patched } from '@temporalio/workflow';
import type { MeldingResult, MeldingWorkflowInput, RequestKind } from '../domain/types';
import { MeldingCase } from './caseState';
import { awaitHandover, startHandover } from './casemanagerHandover';
import { registerCorrections } from './corrections';
import { registerAangifte, registerDecisions, registerDeliveryReports, registerQueries } from './decisions';
import { closeByOps, closedAs, endCase } from './ending';
import { startMedicalCare } from './medicalCare';
import { keepWorklistRow } from './opsDetails';
import { recordOrigin, registerKoppeling } from './koppeling';
import { registerCasusoverleg } from './casusoverleg';
import { registerCheckInDecisions } from './checkInDecisions';
import { registerExperienceConsent } from './experienceInvite';
import { registerOpsActions } from './opsActions';
import { registerOwnerChange } from './owner';
import { registerSecondRing } from './secondRing';
import { followPoliceWish } from './policeAndFmo';
import { reportRecordOf, writeOpenReportRecord } from './semesterReport';
import { watchfulWaiting } from './watchfulWaiting';

const ACUTE_KINDS: RequestKind[] = ['informatief_gesprek', 'fmo', 'medische_zorg'];

export async function meldingWorkflow(input: MeldingWorkflowInput): Promise<MeldingResult> {
  const c = new MeldingCase(input);

  // Every message is registered before the first await, so none is lost. The order is the one
  // running cases were started with: an update that arrived before its handler existed is
  // handled the moment that handler is registered.
  registerQueries(c);
  registerDecisions(c);
  const ops = registerOpsActions({
    reference: c.ref,
    requests: () => c.requests.values(),
    closedAs: () => closedAs(c),
    close: (by, reason) => closeByOps(c, by, reason),
    caseFile: c.caseFile,
    decisions: () => c.decisions,
    state: () => c.state(),
    publish: () => c.publish(),
  });
  c.afterPublish = () => ops.observe();
  keepWorklistRow(() => c.state());
  registerAangifte(c);
  registerDeliveryReports(c);
  registerCorrections(c);
  registerKoppeling(c);
  registerOwnerChange(c);
  registerCasusoverleg(c);
  registerCheckInDecisions(c);
  registerSecondRing(c);
  registerExperienceConsent(c);

  const { intake } = input;
  c.decide(
    'intake',
    intake.recordedBy,
    `${intake.channel}; ${c.triage.window}; politie: ${c.policeWish}; medisch: ${intake.wishes.medicalCare}`,
  );
  recordOrigin(c, intake.recordedBy);
  c.publish();
  if (patched('semester-open-record')) {
    const asTakenIn = { requests: [], calledOff: new Set<string>(), aangifte: false };
    c.openReportRecord = writeOpenReportRecord(
      reportRecordOf({ intake, regionId: c.pathway.regionId, acute: c.triage.acute, ...asTakenIn }),
      c.ref,
    );
  }
  c.caseFile.intake();

  const handover = startHandover(c);
  followPoliceWish(c, true);
  startMedicalCare(c);

  let go = true;
  if (c.liveOfKind(ACUTE_KINDS).length > 0) {
    c.setPhase('acute_zorg');
    go = await c.until(() => c.liveOfKind(ACUTE_KINDS).every((r) => r.ladderFinished));
  }
  if (go) go = await awaitHandover(c, handover);
  if (go) c.outcome = await watchfulWaiting(c);
  return endCase(c);
}
