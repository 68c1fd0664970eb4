/**
 * The ops commands of the CLI (issue 10): move a stuck case on, read its history.
 *
 *   resend <reference> <request-id> --door <ops-id>           notify the awaited tier again now
 *   reassign <reference> <primary|backup> --door <ops-id>     give the handover to that casemanager
 *   close <reference> <reason> --door <ops-id>                close with a reason code
 *   history <reference>                                       who decided what, when
 *
 * The CLI talks to Temporal directly, so who may run it is decided by access to Temporal; the
 * acting id must still be one of OPS_STAFF_IDS, so the history names a real ops account.
 */
import { formatLocal } from '../domain/localTime';
import type { OpsAction, OpsService } from '../cases/opsService';
import { CLOSE_REASONS, HANDOVER_TIERS, type CloseReason, type HandoverTier } from '../workflows/opsMessages';

export const OPS_USAGE = `  resend <referentie> <verzoek-id> --door <ops-id>        verzoek nu opnieuw sturen
  reassign <referentie> <primary|backup> --door <ops-id>  overdracht aan andere casemanager geven
  close <referentie> <reden> --door <ops-id>              melding sluiten; reden: ${CLOSE_REASONS.join(', ')}
  history <referentie>                                    wie besloot wat, wanneer`;

export interface OpsCliDeps {
  ops: OpsService;
  opsStaffIds: ReadonlySet<string>;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs an ops command; undefined when `command` is none (or its arguments are missing: usage). */
export async function runOpsCommand(
  command: string | undefined,
  args: string[],
  by: string,
  deps: OpsCliDeps,
): Promise<number | undefined> {
  const [reference, value] = args;
  if (command === 'history') {
    if (!reference) return undefined;
    const history = await deps.ops.history(reference);
    if (!history) {
      deps.err(`Geen melding ${reference}`);
      return 1;
    }
    deps.out(`Geschiedenis van ${reference}:`);
    for (const e of history) {
      deps.out(
        `  ${formatLocal(e.at)}  ${e.kind.padEnd(9)} ${e.type.padEnd(20)} ${e.value}` +
          `${e.requestId ? ` [${e.requestId}]` : ''}  door ${e.by}`,
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
      action = { type: 'toewijzing', input: { toTier: value as HandoverTier, by } };
      break;
    case 'close':
      action = { type: 'sluiting', input: { reason: value as CloseReason, by } };
      break;
    default:
      return undefined;
  }
  if (!reference) return undefined;
  if (!deps.opsStaffIds.has(by)) {
    deps.err(`Geweigerd: ${by} heeft geen ops-rol (OPS_STAFF_IDS); geef je ops-id met --door <id>`);
    return 1;
  }
  if (command === 'reassign' && !(HANDOVER_TIERS as readonly string[]).includes(value ?? '')) {
    deps.err(`Geweigerd: toTier: verwacht een van ${HANDOVER_TIERS.join(', ')}`);
    return 1;
  }
  const outcome = await deps.ops.act(reference, action);
  if (outcome.status === 'not_found') {
    deps.err(`Geen melding ${reference}`);
    return 1;
  }
  if (outcome.status === 'rejected') {
    deps.err(`Geweigerd: ${outcome.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    return 1;
  }
  deps.out(`Vastgelegd (${action.type}) op ${reference} door ${by}; fase nu: ${outcome.state.phase}`);
  return 0;
}
