/**
 * The second ring (tweede schil): the casemanager (or coordinator) asks one partner of the
 * region's second ring (Slachtofferhulp, Veilig Thuis, a victims' lawyer, the wijkteam, online
 * help, the kinderarts) through the decision `tweede_ring`. The request runs like every partner
 * request (ladder, office hours, task steps); the rules of who may be asked are domain/secondRing.ts.
 *
 * The validator refuses, naming the field and changing nothing: a closed case, a role outside the
 * second ring, a region whose directory names no such partner (the case client says which regions
 * do), no consent for the role (except the meldcode's anonymous Veilig Thuis consultation about a
 * minor), or a request to that partner still under way (asked, or accepted and not yet done).
 */
import { patched } from '@temporalio/workflow';
import {
  ANONYMOUS_CONSULTATION_NOTE,
  isAnonymousConsultation,
  isUnderWay,
  SECOND_RING_NOTE,
  secondRingConsentProblem,
} from '../domain/secondRing';
import { sharingBasis } from '../domain/sharing';
import { SECOND_RING_ROLES, type SecondRingRole } from '../domain/vocabulary';
import type { MeldingCase } from './caseState';
import { setRecordedHandler } from './caseFileMilestones';
import { askSecondRing } from './messages';
import { ensureBy, ensureOneOf } from './validation';

/** The request ids of a role's second-ring requests: `tweede_ring-<role>`, then `-2`, `-3`, ... */
const requestIdBase = (role: SecondRingRole) => `tweede_ring-${role}`;

function requestUnderWay(c: MeldingCase, role: SecondRingRole) {
  return c.liveOfKind(['tweede_ring']).find((r) => r.view.role === role && isUnderWay(r.view));
}

export function registerSecondRing(c: MeldingCase): void {
  setRecordedHandler(
    c.caseFile,
    askSecondRing,
    ({ role, by }) => {
      // A new update, which no recorded history holds; the marker keeps later changes to this
      // path patchable against the histories that do hold it.
      patched('second-ring');
      const anonymous = isAnonymousConsultation(role, c.intake.victimAge, c.consents);
      const request = c.startRequest(
        c.nextId(requestIdBase(role)),
        'tweede_ring',
        role,
        c.pathway.partnerLadder,
        {
          note: anonymous ? ANONYMOUS_CONSULTATION_NOTE : SECOND_RING_NOTE,
          // Read when sent, like the details: consent given later shares the details from then on.
          sharing: () =>
            isAnonymousConsultation(role, c.intake.victimAge, c.consents)
              ? 'meldcode_consultatie'
              : sharingBasis(role, c.consents),
        },
      );
      c.decide('tweede_ring', by, anonymous ? `${role}; meldcode_consultatie` : role, request.view.requestId);
      return c.state();
    },
    {
      validator: ({ role, regionIds, by }) => {
        ensureBy(by);
        c.requireActive();
        ensureOneOf('role', role, SECOND_RING_ROLES);
        // The case client says which regions' directories name a partner for this role.
        if (!Array.isArray(regionIds) || !regionIds.includes(c.pathway.regionId)) {
          throw new Error(`role: the directory of ${c.pathway.regionId} names no ${role}`);
        }
        const consent = secondRingConsentProblem(role, c.intake.victimAge, c.consents);
        if (consent) throw new Error(consent);
        if (requestUnderWay(c, role)) {
          throw new Error(
            `role: a request to ${role} is already under way (asked, or accepted and not yet done)`,
          );
        }
      },
    },
  );
}
