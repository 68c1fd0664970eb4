/**
 * How the command line shows a case: the same lines for `status` and after every action, in
 * Dutch. Ids (reference, region) stay as ops search for them; a request shows its id in square
 * brackets (what `ack` and `resend` take) beside its words.
 */
import { formatLocal } from '../domain/localTime';
import type { CaseState } from '../workflows/messages';
import type { Settled } from './afterAction';
import { basisWords, outcomeWord, phaseWord, requestLine, statusWord, windowWords } from './words';

/** "afgesloten, uitkomst: gesloten door ops of de coördinator": the phase, and the outcome once there is one. */
export function phaseLine(state: CaseState): string {
  return `${phaseWord(state.phase)}${state.outcome ? `, uitkomst: ${outcomeWord(state.outcome)}` : ''}`;
}

/** The phase after a close, or, while the case is still telling its partners, what comes next. */
export function closingLine({ state, settled }: Settled): string {
  if (settled) return phaseLine(state);
  return (
    `${phaseLine(state)}; de melding sluit zodra de partners bericht hebben dat hun verzoek vervalt, ` +
    `daarna is de fase afgesloten (npm run cli -- status ${state.reference})`
  );
}

export function printState(state: CaseState, out: (line: string) => void): void {
  out(`Melding ${state.reference} (regio ${state.regionId})`);
  out(`  fase: ${phaseLine(state)}`);
  out(`  triage: ${windowWords(state.triage.window)}; tijdstip: ${basisWords(state.triage.basis)}`);
  out(`  verzoeken:`);
  for (const r of state.requests) {
    out(
      `    ${requestLine(r)}: ${statusWord(r.status)}` +
        (r.status === 'open' ? `, termijn ${formatLocal(r.dueBy)}, escalatie ${r.escalationLevel}` : '') +
        (r.acknowledgedBy ? `, door ${r.acknowledgedBy}` : ''),
    );
  }
}
