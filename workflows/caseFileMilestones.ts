/**
 * The case's milestones as case file records (caseFile/recordData.ts): what each holds, and its
 * key, derived from the event so a retried write finds its record there. Each record carries the
 * case state right after the milestone and the workflow's own time of it.
 *
 * - intake and triage: once, when the case starts;
 * - a decision on the case (an Update): `correctie` for a correction of the intake, `checkin` for
 *   a check-in or contact, else `besluit`; keyed by the update id (setRecordedHandler);
 * - a partner request: when its first step goes out, and each outcome (answered, cancelled, every
 *   step passed unanswered, the partner told it ended);
 * - the closing, once.
 */
import type { UpdateDefinition } from '@temporalio/common';
import { currentUpdateInfo, setHandler } from '@temporalio/workflow';
import type { UpdateHandlerOptions } from '@temporalio/workflow/lib/interfaces';
import type { CaseFileRecordData, CaseFileRecordOf } from '../caseFile/recordData';
import type { CaseFileRecordKind } from '../caseFile/recordKinds';
import { DECISIONS, type DecisionName } from '../domain/decisions';
import type { MeldingIntake, NoticeKind } from '../domain/types';
import type { MeldingCase } from './caseState';
import { CaseFileRecorder, keyPart } from './caseFileRecorder';
import type { PartnerRequest } from './partnerRequest';

const DECISION_BY_UPDATE = new Map<string, string>(
  (Object.keys(DECISIONS) as DecisionName[]).map((name) => [DECISIONS[name].update, name]),
);
/** The ops actions (workflows/opsMessages.ts), by the record type their history entry has. */
const OPS_ACTION_TYPES: Record<string, string> = {
  resendRequest: 'herinnering',
  reassignHandover: 'toewijzing',
  closeCase: 'sluiting',
};
const CORRECTIONS = new Set([
  'incidenttijd',
  'leeftijd',
  'gemeente',
  'contactgegevens',
  'veilige_kanalen',
  'medische_wens',
  'taal',
]);
const CHECK_INS = new Set(['checkin', 'contactmoment']);

type Input = Record<string, unknown>;

interface Before {
  intake: MeldingIntake;
  contacts: number;
}

export class CaseFileMilestones {
  private readonly recorder: CaseFileRecorder;
  /** The outcomes recorded per request (`<id>/<status>`), each once. */
  private readonly outcomes = new Set<string>();

  constructor(private readonly c: MeldingCase) {
    this.recorder = new CaseFileRecorder(c.ref);
  }

  /** Every record so far is written: the case may complete. */
  get idle(): boolean {
    return this.recorder.idle;
  }

  private record<K extends CaseFileRecordKind>(
    kind: K,
    key: string,
    data: Omit<CaseFileRecordData[K], 'state'>,
    at = new Date().toISOString(),
  ): void {
    // The state is built only where it is written: a case from before the patch replays lean.
    if (!this.recorder.active()) return;
    const record = { key, kind, at, data: { state: this.c.state(), ...data } };
    this.recorder.record(record as unknown as CaseFileRecordOf);
  }

  /** What a decision's record compares with once its handler ran. */
  before(): Before {
    return { intake: this.c.intake, contacts: this.c.plan.contacts.length };
  }

  intake(): void {
    this.record('intake', 'intake', { intake: this.c.intake });
    this.record('triage', 'triage', { triage: { ...this.c.triage } });
  }

  /** A decision taken by the update `updateName` with `input`; `before` as it stood before. */
  decision(updateName: string, input: Input, before: Before): void {
    const type = DECISION_BY_UPDATE.get(updateName) ?? OPS_ACTION_TYPES[updateName] ?? updateName;
    const updateId = currentUpdateInfo()?.id ?? `${updateName}-${Date.now()}`;
    const by = typeof input.by === 'string' ? { by: input.by } : {};
    if (CORRECTIONS.has(type)) {
      const fields = Object.keys(input).filter((f) => f !== 'by' && f !== 'reason' && input[f] !== undefined);
      this.record('correctie', `correctie/${keyPart(updateId)}`, {
        correction: {
          fields,
          values: correctedValues(input, before.intake, this.c.intake),
          reason: typeof input.reason === 'string' ? input.reason : '',
          ...by,
          updateId,
        },
      });
    } else if (CHECK_INS.has(type)) {
      // The contact it added to the plan, if the case is on one.
      const contact = this.c.plan.contacts[before.contacts];
      this.record('checkin', `checkin/${keyPart(updateId)}`, {
        checkIn: { type, ...input, updateId, ...(contact ? { contact: { ...contact } } : {}) },
      });
    } else {
      this.record('besluit', `besluit/${keyPart(updateId)}`, { decision: { type, input, ...by, updateId } });
    }
  }

  /** A partner request started: its first step went out. */
  requestSent(request: PartnerRequest): void {
    const { requestId, kind, role, awaitedTier, requestedAt } = request.view;
    this.record('partnerverzoek', `partnerverzoek/${requestId}`, {
      request: { id: requestId, kind, role, tier: awaitedTier, attempt: 1, sentAt: requestedAt },
    });
  }

  /** A request changed: an outcome not yet recorded is. */
  requestChanged(request: PartnerRequest | undefined): void {
    if (!request) return;
    const { status, acknowledgedAt, acknowledgedBy } = request.view;
    if (status === 'acknowledged') {
      this.outcome(request, 'acknowledged', acknowledgedAt, acknowledgedBy);
    } else if (status === 'cancelled') {
      this.outcome(request, 'cancelled');
    } else if (request.ladderFinished) {
      this.outcome(request, 'unanswered');
    }
  }

  /** The partner was told the request ended (withdrawn, transferred, lapsed). */
  requestNoticed(request: PartnerRequest, notice: NoticeKind): void {
    this.outcome(request, notice);
  }

  private outcome(request: PartnerRequest, status: string, at = new Date().toISOString(), by?: string): void {
    const { requestId } = request.view;
    const key = `partnerverzoek_uitkomst/${requestId}/${status}`;
    if (this.outcomes.has(key)) return;
    this.outcomes.add(key);
    this.record(
      'partnerverzoek_uitkomst',
      key,
      {
        request: { id: requestId, status, ...(by !== undefined ? { by } : {}), at },
      },
      at,
    );
  }

  /** The case ended. */
  closing(reason: string | undefined): void {
    this.record('afsluiting', 'afsluiting', {
      closing: { ...(this.c.outcome ? { outcome: this.c.outcome } : {}), ...(reason ? { reason } : {}) },
    });
  }
}

/**
 * The intake's top-level fields as they read after a correction, to lay over its details: those
 * the correction changed (a date of birth changes the age and the contact details), and those it
 * names that the workflow keeps outside the intake (the incident time lives in the triage).
 */
function correctedValues(input: Input, before: MeldingIntake, after: MeldingIntake): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of Object.keys(after) as (keyof MeldingIntake)[]) {
    if (after[field] !== before[field]) values[field] = after[field];
  }
  for (const field of Object.keys(input)) {
    if (field in before && !(field in values) && field !== 'reference' && field !== 'recordedBy') {
      values[field] = input[field];
    }
  }
  return values;
}

/**
 * `setHandler` for an Update that is a decision on the case: the handler runs as it would, and
 * once it answered (an async one once it resolved), its milestone goes into the case file. A
 * handler that throws records nothing.
 */
export function setRecordedHandler<Ret, Args extends [object]>(
  milestones: CaseFileMilestones,
  def: UpdateDefinition<Ret, Args>,
  handler: (...args: Args) => Ret | Promise<Ret>,
  options?: UpdateHandlerOptions<Args>,
): void {
  setHandler(
    def,
    (...args: Args) => {
      const before = milestones.before();
      const recorded = () => milestones.decision(def.name, args[0] as Input, before);
      const answer = handler(...args);
      if (answer instanceof Promise) return answer.then((value) => (recorded(), value));
      recorded();
      return answer;
    },
    options,
  );
}
