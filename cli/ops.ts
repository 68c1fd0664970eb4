/**
 * The ops commands of the command line: move a stuck case on, read its history.
 *
 *   resend <reference> <request-id> --door <ops-id>            notify the awaited tier again now
 *   reassign <reference> <piket|achterwacht> --door <ops-id>   give the handover to that casemanager
 *   close <reference> <reason> --door <ops-id>                 close with a reason code
 *   history <reference>                                        who decided what, when
 *
 * The command line talks to Temporal directly, so who may run it is decided by access to Temporal;
 * the acting id must still be allowed the action (cli/acting.ts: its role from STAFF_ROLES, or
 * OPS_STAFF_IDS without it), so the history names a real account that may do it.
 */
import { formatLocal } from '../domain/localTime';
import type { OpsAction } from '../cases/opsService';
import type { CliCases } from './acting';
import type { CaseState } from '../workflows/messages';
import { CLOSE_REASONS, HANDOVER_TIERS, type CloseReason, type HandoverTier } from '../workflows/opsMessages';
import { stateAfterAction } from './afterAction';
import { closingLine, phaseLine } from './caseView';
import { refusalText } from './refusals';
import { translator } from '../i18n';
import { opsWords } from '../web/views/opsWords';
import { HANDOVER_TIER_WORDS } from './words';

const t = translator('nl');

export const OPS_USAGE = `  resend <referentie> <verzoek-id> --door <ops-id>           verzoek nu opnieuw sturen
  reassign <referentie> <piket|achterwacht> --door <ops-id>  overdracht aan andere casemanager geven
  close <referentie> <reden> --door <ops-id>                 melding sluiten; reden: ${CLOSE_REASONS.join(', ')}
  history <referentie>                                       wie besloot wat, wanneer`;

export interface OpsCliDeps {
  /** The acting id's case client (cli/acting.ts). */
  cases: CliCases;
  /** The case state as `status` reads it; read again after an action to show where it stands. */
  caseState: (reference: string) => Promise<CaseState | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The handover tier a person typed ("piket", "achterwacht", or the API's code), if it is one. */
function handoverTier(typed: string | undefined): HandoverTier | undefined {
  const code =
    typed !== undefined && Object.hasOwn(HANDOVER_TIER_WORDS, typed)
      ? HANDOVER_TIER_WORDS[typed as keyof typeof HANDOVER_TIER_WORDS]
      : typed;
  return (HANDOVER_TIERS as readonly string[]).includes(code ?? '') ? (code as HandoverTier) : undefined;
}

/** Who did it: the history says "workflow" for what the pathway did by itself. */
const actor = (by: string) => (by === 'workflow' ? 'het verloop zelf' : by);

/**
 * Runs an ops command; undefined when `command` is none (or its arguments are missing: usage).
 * `args` are the positional arguments, options already taken out.
 */
export async function runOpsCommand(
  command: string | undefined,
  args: string[],
  by: string,
  deps: OpsCliDeps,
): Promise<number | undefined> {
  const [reference, value] = args;
  if (command === 'history') {
    if (!reference) return undefined;
    const read = await deps.cases.history(reference);
    if (read.status === 'forbidden') {
      deps.err(deps.cases.refusalText(read));
      return 1;
    }
    if (read.status === 'not_found') {
      deps.err(`Geen melding ${reference}`);
      return 1;
    }
    // The state names each request of the history (what it asked, of whom); without it, the ids.
    const state = await deps.caseState(reference).catch(() => undefined);
    const words = opsWords(t, state);
    deps.out(`Geschiedenis van ${reference}:`);
    for (const e of read.history) {
      const w = words.history(e);
      const request = e.requestId ? `${w.request ? `; ${w.request}` : ''} [${e.requestId}]` : '';
      deps.out(
        `  ${formatLocal(e.at)}  ${w.kind.padEnd(10)} ${w.type}: ${w.value}${request}  door ${actor(e.by)}`,
      );
    }
    return 0;
  }
  let action: OpsAction;
  switch (command) {
    case 'resend':
      action = { type: 'herinnering', input: { requestId: value ?? '', by } };
      break;
    case 'reassign':
      action = { type: 'toewijzing', input: { toTier: handoverTier(value) ?? (value as HandoverTier), by } };
      break;
    case 'close':
      action = { type: 'sluiting', input: { reason: value as CloseReason, by } };
      break;
    default:
      return undefined;
  }
  if (!reference) return undefined;
  if (!deps.cases.may(action.type)) {
    deps.err(deps.cases.refusalText({ status: 'forbidden', reason: 'role', action: action.type }));
    return 1;
  }
  if (action.type === 'toewijzing' && !handoverTier(action.input.toTier)) {
    deps.err(`Geweigerd: casemanager: verwacht ${Object.keys(HANDOVER_TIER_WORDS).join(' of ')}`);
    return 1;
  }
  const outcome = await deps.cases.act(reference, action);
  if (outcome.status === 'forbidden') {
    deps.err(deps.cases.refusalText(outcome));
    return 1;
  }
  if (outcome.status === 'not_found') {
    deps.err(`Geen melding ${reference}`);
    return 1;
  }
  if (outcome.status === 'rejected') {
    deps.err(`Geweigerd: ${outcome.problems.map(refusalText).join('; ')}`);
    return 1;
  }
  const after = await stateAfterAction(
    deps.caseState,
    outcome.state,
    action.type === 'sluiting' ? { settled: (s) => s.phase === 'afgesloten' } : {},
  );
  deps.out(
    `Vastgelegd (${action.type}) op ${reference} door ${by}; fase nu: ` +
      (action.type === 'sluiting' ? closingLine(after) : phaseLine(after.state)),
  );
  return 0;
}
