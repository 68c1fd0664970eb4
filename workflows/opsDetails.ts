/**
 * What each case shows ops in the Temporal UI, in plain words: the "current details"
 * (Dutch first, an English line beside it) and a memo of codes. No personal data: roles, tiers,
 * phases, times and counts only. The memo is sent through the payload codec like every payload;
 * the details are answered to the UI from the workflow's memory.
 */
import { condition, patched, setCurrentDetails, upsertMemo } from '@temporalio/workflow';
import type { RecipientTier } from '../domain/types';
import type { CaseState } from './messages';
import type { VisibleCase } from './visibility';
import { WORKLIST_MEMO_KEY, worklistRowOf } from './worklistRow';

const TIER_NL: Record<RecipientTier, string> = {
  primary: 'piket',
  backup: 'achterwacht',
  coordinator: 'coördinator',
  owner: 'eigen casemanager',
};
const TIER_EN: Record<RecipientTier, string> = {
  primary: 'on call',
  backup: 'backup',
  coordinator: 'coordinator',
  owner: 'own casemanager',
};

/** "2026-11-24 10:15 UTC": the UI shows it to people in one time zone, the server logs in UTC. */
function utc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export interface DetailsCase extends VisibleCase {
  outcome?: string;
}

/** The plain-words text for the UI's current details. */
export function describeWaiting(c: DetailsCase): string {
  const open = [...c.open].sort((a, b) => a.dueBy - b.dueBy);
  const lines: string[] = [`**Fase:** ${c.phase} · regio ${c.regionId} · triage ${c.triageWindow}`];
  if (c.phase === 'afgesloten') {
    lines.push(`Afgesloten${c.outcome ? ` (${c.outcome})` : ''}. Wacht nergens meer op.`);
    lines.push(`_Closed${c.outcome ? ` (${c.outcome})` : ''}. Waiting for nothing._`);
    return lines.join('\n\n');
  }
  if (open.length === 0) {
    lines.push(
      c.phase === 'watchful_waiting'
        ? 'Waakzaam wachten: wacht op de volgende check-in.'
        : 'Wacht op geen partner.',
    );
    lines.push(
      c.phase === 'watchful_waiting'
        ? '_Watchful waiting: waiting for the next check-in._'
        : '_Not waiting for any partner._',
    );
    return lines.join('\n\n');
  }
  for (const r of open) {
    lines.push(
      `Wacht op **${r.role}** (${TIER_NL[r.tier as RecipientTier] ?? r.tier}) sinds ${utc(r.since)}; ` +
        `termijn ${utc(r.dueBy)}; escalatieniveau ${r.escalationLevel}.\n` +
        `_Waiting for ${r.role} (${TIER_EN[r.tier as RecipientTier] ?? r.tier}) since ${utc(r.since)}; ` +
        `due ${utc(r.dueBy)}; escalation level ${r.escalationLevel}._`,
    );
  }
  if (c.ops?.deliveryFailed) {
    lines.push('Een bericht kon niet worden afgeleverd. _A delivery failed._');
  }
  return lines.join('\n\n');
}

type Memo = Record<string, string | number | boolean | string[] | null>;

/** The memo: codes only, for ops tooling that reads the case list. */
export function memoOf(c: DetailsCase): Memo {
  const first = [...c.open].sort((a, b) => a.dueBy - b.dueBy)[0];
  return {
    fase: c.phase,
    regio: c.regionId,
    triage: c.triageWindow,
    wachtOp: c.open.map((r) => `${r.role}/${r.tier}`).sort(),
    termijn: first ? new Date(first.dueBy).toISOString() : null,
    afleveringMislukt: c.ops?.deliveryFailed ?? false,
    uitkomst: c.outcome ?? null,
  };
}

/**
 * Returns a publisher: the current details on every call (no command), the memo only when it
 * changed and only when `withMemo` (an upsert is a command: behind a patch in melding.ts).
 */
export function opsDetailsPublisher(): (c: DetailsCase, withMemo: boolean) => void {
  let last = '';
  return (c, withMemo) => {
    setCurrentDetails(describeWaiting(c));
    if (!withMemo) return;
    const memo = memoOf(c);
    const serialised = JSON.stringify(memo);
    if (serialised === last) return;
    last = serialised;
    upsertMemo(memo);
  };
}

/** The patch that keeps the worklist row in the memo: cases from before never write one. */
export const WORKLIST_ROW_PATCH = 'worklist-row-memo';

/**
 * Keeps the case's worklist row (workflows/worklistRow.ts) in its memo, under its own key beside
 * the ops codes. The row follows the case state itself rather than its publishes: the next
 * planned check-in is set where its timer starts, without a publish, so a waiting loop upserts
 * the row whenever the workflow stops at an await with a row different from the last one written.
 * Start it before the workflow's first await.
 */
export function keepWorklistRow(read: () => CaseState): void {
  if (!patched(WORKLIST_ROW_PATCH)) return;
  let written = '';
  let row = worklistRowOf(read());
  const changed = (): boolean => {
    row = worklistRowOf(read());
    return JSON.stringify(row) !== written;
  };
  void (async () => {
    for (;;) {
      await condition(changed);
      written = JSON.stringify(row);
      upsertMemo({ [WORKLIST_MEMO_KEY]: row });
    }
  })();
}
