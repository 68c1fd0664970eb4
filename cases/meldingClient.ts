/**
 * The client-side functions every caller (intake HTTP service, CLI, scripts, tests) uses to start
 * and steer a melding. Keep callers thin: validation, region lookup, workflow ids, id-reuse policy
 * and initial search attributes all live here.
 *
 * - `startMelding(client, taskQueue, rawIntake, blindIndexKey)` validates, resolves the region and
 *   its pathway, and starts `meldingWorkflow` with workflow id = melding reference. A second start
 *   with the same reference never creates a second case: it answers `already_exists` (also after
 *   the first case closed: a reference is never reused). With the blind-index key the case can be
 *   found again by phone or by name with date of birth (`zoekIndexVan`, cases/find.ts).
 *   `linkedTo` in the intake (one reference or a list) links it to earlier meldingen of the same
 *   person; `reopening` makes it the reopening of a closed case (cases/koppeling.ts).
 * - `getCaseState(client, reference)` returns the case state (no personal data).
 * - `decide(client, reference, decision, { updateId })` records any decision of the table in
 *   domain/decisions.ts through its update; it returns the case state after the decision, or
 *   throws `DecisionRejectedError` with the reason (e.g. "requestId: unknown request ...").
 *   With an `updateId` a repeated click or a retried request is one update: Temporal answers the
 *   second with the first one's result.
 */
import { nearestMunicipalities, regionForMunicipality } from '../regions';
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
import type { MeldingIntake, MeldingWorkflowInput, TriageResult } from '../domain/types';
import { blindIndexesOf } from './blindIndex';
import { catalogueText, codeWord, markdownSafe, type CatalogueLang } from '../i18n/catalogueText';
import { LINKED_REFERENCE_PATTERN, MAX_LINKS, type Reopening } from '../domain/koppeling';
import type { Decision, DecisionInputs, DecisionName } from '../domain/decisions';
import {
  caseState,
  decisionUpdates,
  deliveryStatus,
  type CaseState,
  type DeliveryStatusInput,
} from '../workflows/messages';
import {
  CsgEscalationLevel,
  CsgGekoppeld,
  CsgPhase,
  CsgRegion,
  CsgTriageWindow,
  CsgZoekIndex,
} from '../workflows/searchAttributes';

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

/**
 * The blind indexes (CsgZoekIndex) a case with this intake is found again by: the phone number, and
 * the name with the date of birth when both are given. For a correction of the contact details:
 * compute the new values here, where the key is, and hand them to the workflow to upsert; the
 * workflow never holds the key. Empty when the intake holds none of these details.
 */
export function zoekIndexVan(intake: Pick<MeldingIntake, 'victimContact'>, blindIndexKey: Buffer): string[] {
  return blindIndexesOf(blindIndexKey, intake.victimContact);
}

/**
 * The intake's `linkedTo`: earlier meldingen of the same person, one reference or a list (the form
 * sends one, the API either). Whether the staff member may see them is the scoped client's check.
 */
export function linkedToOf(rawIntake: unknown): { linkedTo: string[] } | { problem: IntakeProblem } {
  const raw = (rawIntake as { linkedTo?: unknown } | null)?.linkedTo;
  if (raw === undefined || raw === '') return { linkedTo: [] };
  const list = Array.isArray(raw) ? raw : [raw];
  const references = list.map((r) => (typeof r === 'string' ? r.trim().toUpperCase() : r));
  if (
    references.length > MAX_LINKS ||
    !references.every((r): r is string => typeof r === 'string' && LINKED_REFERENCE_PATTERN.test(r))
  ) {
    return {
      problem: {
        field: 'linkedTo',
        message: `expected up to ${MAX_LINKS} melding references like CSG-LIM-2026-000123`,
      },
    };
  }
  return { linkedTo: [...new Set(references)] };
}

/**
 * Validates the raw intake and starts its case; never throws for invalid input or a duplicate.
 * `blindIndexKey` (BLIND_INDEX_KEY) makes the case findable by phone or by name with date of birth;
 * without it (tools and tests that never search) the case is found by its reference only.
 */
export async function startMelding(
  client: HasWorkflowClient,
  taskQueue: string,
  rawIntake: unknown,
  blindIndexKey?: Buffer,
  reopening?: Reopening,
): Promise<StartMeldingResult> {
  const linked = linkedToOf(rawIntake);
  const parsed = parseIntake(rawIntake, regionForMunicipality, nearestMunicipalities);
  if (!parsed.ok || 'problem' in linked) {
    const problems = [
      ...(parsed.ok ? [] : parsed.problems),
      ...('problem' in linked ? [linked.problem] : []),
    ];
    return { status: 'invalid', problems };
  }
  const { intake, region } = parsed;
  const linkedTo =
    reopening && !linked.linkedTo.includes(reopening.from)
      ? [reopening.from, ...linked.linkedTo]
      : linked.linkedTo;
  const input: MeldingWorkflowInput = {
    intake,
    pathway: pathwayFor(region),
    ...(linkedTo.length ? { linkedTo } : {}),
    ...(reopening ? { reopening } : {}),
  };
  const triageResult = triage(intake.incidentTime, intake.victimAge, new Date(intake.receivedAt));
  try {
    await client.workflow.start(MELDING_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: intake.reference,
      args: [input],
      // One case per melding: never a second run with the same reference, running or closed.
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      // What the case is, in plain words in the UI's case list and header; codes only.
      ...staticSummaryOf(intake.reference, region.id, intake.channel, triageResult),
      // Visible in the UI from the first moment; codes only, never personal data.
      typedSearchAttributes: [
        { key: CsgRegion, value: region.id },
        { key: CsgPhase, value: 'triage' },
        { key: CsgTriageWindow, value: triageResult.window },
        { key: CsgEscalationLevel, value: 0 },
        // Keyed hashes only (cases/blindIndex.ts): the values themselves stay in the encrypted intake.
        ...(blindIndexKey ? [{ key: CsgZoekIndex, value: zoekIndexVan(intake, blindIndexKey) }] : []),
        // References only: the earlier case's page finds this one through it (cases/koppeling.ts).
        ...(linkedTo.length ? [{ key: CsgGekoppeld, value: linkedTo }] : []),
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
 * triage, in words from the catalogues (Dutch first, English beside it in the details; Markdown,
 * so each value is escaped). Sent through the payload codec like every payload.
 */
export function staticSummaryOf(
  reference: string,
  regionId: string,
  channel: string,
  triageResult: TriageResult,
): { staticSummary: string; staticDetails: string } {
  const values = (lang: CatalogueLang) => ({
    reference,
    region: markdownSafe(regionId),
    channel: markdownSafe(codeWord(lang, 'form.channels', channel)),
    window: markdownSafe(codeWord(lang, 'triage.windows', triageResult.window)),
  });
  const nl = values('nl');
  const en = values('en');
  return {
    // A summary is one plain line: not Markdown, so the words go in as they are.
    staticSummary: catalogueText('nl', 'temporalUi.summary', {
      reference,
      region: regionId,
      window: codeWord('nl', 'triage.windows', triageResult.window),
    }),
    staticDetails: [
      catalogueText('nl', 'temporalUi.intake', nl),
      catalogueText('nl', 'temporalUi.triage', nl),
      `_${catalogueText('en', 'temporalUi.intake', en)} ${catalogueText('en', 'temporalUi.triage', en)}_`,
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

/**
 * What only this side can check or fill in before a decision goes to the case: the configured
 * regions are configuration, which the workflow does not hold. Each answers a problem ("field:
 * message") or the input to send.
 */
type BeforeSending = {
  [K in DecisionName]?: (input: DecisionInputs[K]) => { problem: string } | { input: DecisionInputs[K] };
};
const checksBeforeSending: BeforeSending = {
  overdracht: (input) =>
    REGIONS.has(input.toRegionId)
      ? { input }
      : { problem: `toRegionId: "${input.toRegionId}" is not a configured region` },
  // The case learns from here which regions' staff directories name the new owner.
  eigenaar: (input) => {
    const regionIds = [...REGIONS.values()]
      .filter((region) => Object.hasOwn(region.casemanagers, input.casemanager))
      .map((region) => region.id);
    if (regionIds.length === 0)
      return { problem: `casemanager: "${input.casemanager}" is not in any region's staff directory` };
    return { input: { ...input, regionIds } };
  },
  // The case learns from here which regions' directories name a partner for the second-ring role.
  tweede_ring: (input) => ({
    input: {
      ...input,
      regionIds: [...REGIONS.values()]
        .filter((region) => region.partners[input.role] !== undefined)
        .map((region) => region.id),
    },
  }),
  // The case learns the municipality's region from here; one in another region transfers the case.
  gemeente: (input) => {
    const region = regionForMunicipality(input.municipality.trim());
    if (!region) {
      const nearest = nearestMunicipalities(input.municipality.trim());
      const hint = nearest.length ? `; nearest: ${nearest.join(', ')}` : '';
      return { problem: `municipality: expected the name of a Dutch municipality${hint}` };
    }
    return { input: { ...input, regionId: region.id } };
  },
};

/** How one decision is sent. */
export interface DecideOptions {
  /**
   * The update's id: the same id twice is one update (Temporal deduplicates it within the case), so
   * a form carries one made when it was rendered. Without it every call is its own update.
   */
  updateId?: string;
}

/**
 * Records one decision on the case through the update the decision table names. Returns the case
 * state after it; a decision the case refuses throws `DecisionRejectedError` and changes nothing.
 */
export async function decide(
  client: HasWorkflowClient,
  reference: string,
  decision: Decision,
  options: DecideOptions = {},
): Promise<CaseState> {
  const check = checksBeforeSending[decision.type] as
    ((input: Decision['input']) => { problem: string } | { input: Decision['input'] }) | undefined;
  const checked = check ? check(decision.input) : { input: decision.input };
  if ('problem' in checked) throw new DecisionRejectedError(reference, checked.problem);
  const update = decisionUpdates[decision.type] as UpdateDefinition<CaseState, [Decision['input']]>;
  try {
    return await meldingHandle(client, reference).executeUpdate(update, {
      args: [checked.input],
      ...(options.updateId ? { updateId: options.updateId } : {}),
    });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      throw new DecisionRejectedError(reference, error.cause?.message ?? error.message);
    }
    throw error;
  }
}

/** Twilio / mail delivery status for one request step (a signal: nobody waits for an answer). */
export function reportDeliveryStatus(
  client: HasWorkflowClient,
  reference: string,
  input: DeliveryStatusInput,
): Promise<void> {
  return meldingHandle(client, reference).signal(deliveryStatus, input);
}
