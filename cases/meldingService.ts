/**
 * The one seam between the HTTP layer (form, API, partner pages, Twilio callback, CLI) and
 * Temporal. Routes speak in outcomes (started, already exists, invalid, not found, rejected), never
 * in Temporal errors, so every route maps them to status codes the same way.
 */
import {
  isGrpcCancelledError,
  isGrpcDeadlineError,
  WorkflowNotFoundError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type Client,
} from '@temporalio/client';
import type { IntakeProblem } from '../domain/intakeSchema';
import type { SharedDetails, TriageResult } from '../domain/types';
import type { Decision } from '../domain/decisions';
import { handoverDetails, type CaseState, type DeliveryStatusInput } from '../workflows/messages';
import {
  decide,
  DecisionRejectedError,
  type DecideOptions,
  getCaseState,
  meldingHandle,
  reportDeliveryStatus,
  startMelding,
} from './meldingClient';

/** Long enough for a busy worker, short enough for someone waiting at a page. */
const QUERY_DEADLINE_MS = 10_000;
/**
 * How long a decision sent with an update id waits for its answer. Sent again with the same id it
 * is the same decision, so the page may stop waiting and show the state instead of hanging on a
 * missing worker; without an id nobody could tell a retry from a second decision, so it waits.
 */
const UPDATE_DEADLINE_MS = 20_000;

export type StartOutcome =
  | {
      status: 'started' | 'already_exists';
      reference: string;
      triage?: TriageResult;
      regionId?: string;
      /** On already_exists: the existing case, when a worker could answer. */
      state?: CaseState;
    }
  | { status: 'invalid'; problems: IntakeProblem[] };

export type DecisionOutcome =
  | { status: 'ok'; state: CaseState }
  | { status: 'not_found' }
  /** The workflow's validator refused: the case's state does not allow it (or a value it alone can judge). */
  | { status: 'rejected'; problems: IntakeProblem[] };

export interface MeldingService {
  start(raw: unknown): Promise<StartOutcome>;
  state(reference: string): Promise<CaseState | undefined>;
  handoverDetails(reference: string, requestId: string): Promise<SharedDetails | null | undefined>;
  /** With `options.updateId`, sending the same decision again is one decision (a repeated click). */
  decide(reference: string, decision: Decision, options?: DecideOptions): Promise<DecisionOutcome>;
  deliveryStatus(reference: string, input: DeliveryStatusInput): Promise<'signalled' | 'not_found'>;
}

/** "field: message" from a workflow validator becomes a field-level problem. */
export function problemFromRejection(message: string): IntakeProblem {
  const match = /^([A-Za-z][\w.]*): (.*)$/s.exec(message);
  return match ? { field: match[1]!, message: match[2]! } : { field: '(besluit)', message };
}

/** The case exists but nobody answered in time (no worker running): the HTTP layer answers 503. */
export class CaseUnavailableError extends Error {
  readonly statusCode = 503;
  constructor() {
    super('the case did not answer in time; is a worker running?');
    this.name = 'CaseUnavailableError';
  }
}

/**
 * "The workflow did not answer in time", in every shape the client delivers it: DEADLINE_EXCEEDED
 * from the client's own deadline or from the server giving up first ("query timed out before a
 * worker could process it"), wrapped in a ServiceError, and the update variant the client raises
 * for the same timeout. Recognised by the status code along the cause chain, never by wording:
 * matching "deadline" in any message would turn a genuine bug that mentions a deadline into a 503.
 */
export function isDeadlineExceeded(error: unknown): boolean {
  return error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcDeadlineError(error);
}

function isNotFound(error: unknown): boolean {
  return (
    error instanceof WorkflowNotFoundError ||
    (error instanceof Error && /not found|already completed/i.test(error.message))
  );
}

/** `blindIndexKey` (BLIND_INDEX_KEY): cases it starts can be found again (startMelding). */
export function createMeldingService(
  client: Client,
  taskQueue: string,
  blindIndexKey?: Buffer,
): MeldingService {
  /** A query waits for a worker to answer: with none running, a page must not hang for minutes. */
  const withinDeadline = async <T>(work: () => Promise<T>, ms = QUERY_DEADLINE_MS): Promise<T> => {
    const deadline = Date.now() + ms;
    try {
      return await client.withDeadline(deadline, work);
    } catch (error) {
      if (isDeadlineExceeded(error)) throw new CaseUnavailableError();
      // Now and then gRPC ends a call whose deadline fired as CANCELLED ("Call cancelled") rather
      // than DEADLINE_EXCEEDED. Once our own deadline has passed, that is the same "too late".
      if (isGrpcCancelledError(error) && Date.now() >= deadline) throw new CaseUnavailableError();
      throw error;
    }
  };

  async function orNotFound<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await withinDeadline(work);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  return {
    async start(raw) {
      const result = await startMelding(client, taskQueue, raw, blindIndexKey);
      if (result.status !== 'already_exists') return result;
      // A resubmission: show the existing case's triage when a worker can answer the query.
      const existing = await withinDeadline(() => getCaseState(client, result.reference)).catch(
        () => undefined,
      );
      return {
        ...result,
        ...(existing ? { triage: existing.triage, regionId: existing.regionId, state: existing } : {}),
      };
    },

    state: (reference) => orNotFound(() => getCaseState(client, reference)),

    handoverDetails: (reference, requestId) =>
      orNotFound(() => meldingHandle(client, reference).query(handoverDetails, requestId)),

    async decide(reference, decision, options) {
      const send = () => decide(client, reference, decision, options);
      try {
        const state = options?.updateId ? await withinDeadline(send, UPDATE_DEADLINE_MS) : await send();
        return { status: 'ok', state };
      } catch (error) {
        if (error instanceof DecisionRejectedError) {
          return { status: 'rejected', problems: [problemFromRejection(error.reason)] };
        }
        if (isNotFound(error)) return { status: 'not_found' };
        // Sent, but no answer in time: it may still be applied. Sent again with the same update id
        // it is the same decision, so the caller may look at the state or try again safely.
        if (isDeadlineExceeded(error)) throw new CaseUnavailableError();
        throw error;
      }
    },

    async deliveryStatus(reference, input) {
      const sent = await orNotFound(() => reportDeliveryStatus(client, reference, input).then(() => true));
      return sent ? 'signalled' : 'not_found';
    },
  };
}
