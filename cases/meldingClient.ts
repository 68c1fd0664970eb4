/**
 * The client-side functions every caller (intake HTTP service, CLI, scripts, tests) uses to start
 * and steer a melding. Keep callers thin: validation, region lookup, workflow ids, id-reuse policy
 * and initial search attributes all live here.
 *
 * - `startMelding(client, taskQueue, rawIntake)` validates, resolves the region and its pathway,
 *   and starts `meldingWorkflow` with workflow id = melding reference. A second start with the
 *   same reference never creates a second case: it answers `already_exists` (also after the first
 *   case closed: a reference is never reused).
 * - `getCaseState(client, reference)` returns the case state (no personal data).
 * - One helper per decision; each returns the case state after the decision, or throws
 *   `DecisionRejectedError` with the workflow's reason (e.g. "requestId: unknown request ...").
 */
import { regionForMunicipality } from '../regions';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
  type WorkflowClient,
  type WorkflowHandle,
} from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy, type UpdateDefinition } from '@temporalio/common';
import { pathwayFor, REGIONS } from '../regions';
import { parseIntake, type IntakeProblem } from '../domain/intakeSchema';
import { triage } from '../domain/triage';
import type { MeldingWorkflowInput, TriageResult } from '../domain/types';
import {
  acknowledgeRequest,
  caseState,
  correctIncidentTime,
  deliveryStatus,
  recordCheckIn,
  recordConsent,
  recordPoliceWish,
  transfer,
  withdraw,
  recordAangifte,
  type AangifteInput,
  type AcknowledgeInput,
  type CaseState,
  type CheckInInput,
  type ConsentInput,
  type DeliveryStatusInput,
  type IncidentTimeInput,
  type PoliceWishInput,
  type TransferInput,
  type WithdrawInput,
} from '../workflows/messages';
import { CsgEscalationLevel, CsgPhase, CsgRegion, CsgTriageWindow } from '../workflows/searchAttributes';

/** The workflow type name the worker registers (workflows/index.ts exports `meldingWorkflow`). */
export const MELDING_WORKFLOW_TYPE = 'meldingWorkflow';
export const DEFAULT_TASK_QUEUE = 'csg-meldingen';

/** Anything with a workflow client: `Client` from @temporalio/client, or a test environment's client. */
export interface HasWorkflowClient {
  workflow: WorkflowClient;
}

export type StartMeldingResult =
  | { status: 'started'; reference: string; regionId: string; triage: TriageResult }
  | { status: 'already_exists'; reference: string }
  | { status: 'invalid'; problems: IntakeProblem[] };

/** Validates the raw intake and starts its case; never throws for invalid input or a duplicate. */
export async function startMelding(
  client: HasWorkflowClient,
  taskQueue: string,
  rawIntake: unknown,
): Promise<StartMeldingResult> {
  const parsed = parseIntake(rawIntake, regionForMunicipality);
  if (!parsed.ok) return { status: 'invalid', problems: parsed.problems };
  const { intake, region } = parsed;
  const input: MeldingWorkflowInput = { intake, pathway: pathwayFor(region) };
  const triageResult = triage(intake.incidentTime, intake.victimAge, new Date(intake.receivedAt));
  try {
    await client.workflow.start(MELDING_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: intake.reference,
      args: [input],
      // One case per melding: never a second run with the same reference, running or closed.
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      // What the case is, in plain words in the UI's case list and header (issue 10); codes only.
      ...staticSummaryOf(intake.reference, region.id, intake.channel, triageResult),
      // Visible in the UI from the first moment; codes only, never personal data.
      typedSearchAttributes: [
        { key: CsgRegion, value: region.id },
        { key: CsgPhase, value: 'triage' },
        { key: CsgTriageWindow, value: triageResult.window },
        { key: CsgEscalationLevel, value: 0 },
      ],
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) {
      return { status: 'already_exists', reference: intake.reference };
    }
    throw error;
  }
  return { status: 'started', reference: intake.reference, regionId: region.id, triage: triageResult };
}

/**
 * The UI's summary line and details of a case, fixed at start: reference, region, channel and
 * triage (codes). Dutch first, English beside it. Sent through the payload codec like every payload.
 */
export function staticSummaryOf(
  reference: string,
  regionId: string,
  channel: string,
  triageResult: TriageResult,
): { staticSummary: string; staticDetails: string } {
  const acute = triageResult.acute ? 'acuut' : 'niet acuut';
  return {
    staticSummary: `Melding ${reference} · ${regionId} · ${triageResult.window} (${acute})`,
    staticDetails: [
      `**Melding** ${reference}, regio ${regionId}, binnengekomen via ${channel}.`,
      `Triage bij intake: ${triageResult.window} (${acute}). De actuele stand staat bij "Current details".`,
      `_Report ${reference}, region ${regionId}, received by ${channel}; triage at intake ${triageResult.window}` +
        ` (${triageResult.acute ? 'acute' : 'not acute'}). What the case waits for now is under "Current details"._`,
    ].join('\n\n'),
  };
}

export function meldingHandle(client: HasWorkflowClient, reference: string): WorkflowHandle {
  return client.workflow.getHandle(reference);
}

export function getCaseState(client: HasWorkflowClient, reference: string): Promise<CaseState> {
  return meldingHandle(client, reference).query(caseState);
}

/** A decision the workflow refused; `reason` is its validator's message. Nothing changed. */
export class DecisionRejectedError extends Error {
  constructor(
    readonly reference: string,
    readonly reason: string,
  ) {
    super(`decision on ${reference} rejected: ${reason}`);
    this.name = 'DecisionRejectedError';
  }
}

async function decide<A>(
  client: HasWorkflowClient,
  reference: string,
  update: UpdateDefinition<CaseState, [A]>,
  arg: A,
): Promise<CaseState> {
  try {
    return await meldingHandle(client, reference).executeUpdate(update, { args: [arg] });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      throw new DecisionRejectedError(reference, error.cause?.message ?? error.message);
    }
    throw error;
  }
}

/** A partner (or the casemanager) confirms a request, e.g. `casemanager_overdracht` or `fmo`. */
export const acknowledge = (client: HasWorkflowClient, reference: string, input: AcknowledgeInput) =>
  decide(client, reference, acknowledgeRequest, input);

/** The casemanager records a check-in outcome; the screening also says `ptss: true | false`. */
export const recordCheckInOutcome = (client: HasWorkflowClient, reference: string, input: CheckInInput) =>
  decide(client, reference, recordCheckIn, input);

/** The victim's (changed) wish about police contact: "ja", "nee" or "twijfel". */
export const setPoliceWish = (client: HasWorkflowClient, reference: string, input: PoliceWishInput) =>
  decide(client, reference, recordPoliceWish, input);

/** Consent (or its withdrawal) to share personal details with one partner role. */
export const setConsent = (client: HasWorkflowClient, reference: string, input: ConsentInput) =>
  decide(client, reference, recordConsent, input);

/** The casemanager corrects the incident time; the case is triaged again. */
export const setIncidentTime = (client: HasWorkflowClient, reference: string, input: IncidentTimeInput) =>
  decide(client, reference, correctIncidentTime, input);

/** The victim withdraws: every open request stops at once and its partner is told. */
export const withdrawMelding = (client: HasWorkflowClient, reference: string, input: WithdrawInput) =>
  decide(client, reference, withdraw, input);

/** Transfer to another region's coordinator; the region must be configured. */
export async function transferMelding(
  client: HasWorkflowClient,
  reference: string,
  input: TransferInput,
): Promise<CaseState> {
  if (!REGIONS.has(input.toRegionId)) {
    throw new DecisionRejectedError(
      reference,
      `toRegionId: "${input.toRegionId}" is not a configured region`,
    );
  }
  return decide(client, reference, transfer, input);
}

/** Whether the victim says they made an aangifte (issue 10, for the semester figures). */
export const setAangifte = (client: HasWorkflowClient, reference: string, input: AangifteInput) =>
  decide(client, reference, recordAangifte, input);

/** Twilio / mail delivery status for one request step (a signal: nobody waits for an answer). */
export function reportDeliveryStatus(
  client: HasWorkflowClient,
  reference: string,
  input: DeliveryStatusInput,
): Promise<void> {
  return meldingHandle(client, reference).signal(deliveryStatus, input);
}
