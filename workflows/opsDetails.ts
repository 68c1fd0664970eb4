/**
 * What each case shows ops in the Temporal UI, in plain words: the "current details"
 * (Dutch first, an English line beside it) and a memo of codes. No personal data: roles, tiers,
 * phases, times and counts only. The memo is sent through the payload codec like every payload;
 * the details are answered to the UI from the workflow's memory (no command: a change of wording
 * needs no patch).
 *
 * The details are Markdown: the words come from the catalogues (i18n/catalogueText.ts) with their
 * marks escaped, times in Dutch time by a pure offset rule (domain/dutchClock.ts) so the text is
 * the same on every worker.
 */
import { condition, patched, setCurrentDetails, upsertMemo } from '@temporalio/workflow';
import { formatDutchTime } from '../domain/dutchClock';
import { catalogueText, codeWord, markdownSafe, type CatalogueLang } from '../i18n/catalogueText';
import type { CaseState } from './messages';
import type { VisibleCase } from './visibility';
import { WORKLIST_MEMO_KEY, worklistRowOf } from './worklistRow';

/** Where a partner's task stands, for the details: codes and a time only (never the place). */
export interface TaskSummary {
  role: string;
  state: string;
  /** The appointment's time (epoch ms), once planned. */
  appointmentAt?: number;
}

export interface DetailsCase extends VisibleCase {
  outcome?: string;
  /** The tasks a partner took a step on (accepted, declined, planned, done, not done). */
  tasks?: TaskSummary[];
}

/** One paragraph in one language: the catalogue's text with every value in words, made safe. */
function paragraphs(lang: CatalogueLang, c: DetailsCase): string[] {
  const word = (group: string, code: string) => markdownSafe(codeWord(lang, group, code));
  const say = (key: string, values: Record<string, unknown> = {}) =>
    catalogueText(lang, `temporalUi.${key}`, values);
  const lines = [
    say('stand', {
      phase: word('caseWords.phases', c.phase),
      region: markdownSafe(c.regionId),
      window: word('triage.windows', c.triageWindow),
    }),
  ];
  if (c.phase === 'afgesloten') {
    lines.push(
      c.outcome ? say('closed', { outcome: word('caseWords.outcomes', c.outcome) }) : say('closedNoOutcome'),
    );
    return lines;
  }
  const open = [...c.open].sort((a, b) => a.dueBy - b.dueBy);
  if (open.length === 0) lines.push(say(c.phase === 'watchful_waiting' ? 'watchfulWaiting' : 'noPartner'));
  for (const r of open) {
    lines.push(
      say('waitingFor', {
        role: word('request.roles', r.role),
        tier: word('ops.tiers', r.tier),
        since: formatDutchTime(r.since),
        due: formatDutchTime(r.dueBy),
        level: r.escalationLevel,
      }),
    );
  }
  for (const t of c.tasks ?? []) {
    const values = { role: word('request.roles', t.role), state: word('tasks.states', t.state) };
    lines.push(
      t.appointmentAt === undefined
        ? say('task', values)
        : say('taskPlanned', { ...values, at: formatDutchTime(t.appointmentAt) }),
    );
  }
  if (c.ops?.deliveryFailed) lines.push(say('deliveryFailed'));
  return lines;
}

/** The plain-words text for the UI's current details: Dutch, then the same in English, in italics. */
export function describeWaiting(c: DetailsCase): string {
  const english = paragraphs('en', c).map((line) => `_${line}_`);
  return [...paragraphs('nl', c), ...english].join('\n\n');
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

/** The patch that puts the tasks under way into the row: cases from before keep rows without them. */
export const WORKLIST_TASKS_PATCH = 'worklist-row-tasks';

/**
 * Keeps the case's worklist row (workflows/worklistRow.ts) in its memo, under its own key beside
 * the ops codes. The row follows the case state itself rather than its publishes: the next
 * planned check-in is set where its timer starts, without a publish, so a waiting loop upserts
 * the row whenever the workflow stops at an await with a row different from the last one written.
 * Start it before the workflow's first await.
 */
export function keepWorklistRow(read: () => CaseState): void {
  if (!patched(WORKLIST_ROW_PATCH)) return;
  const options = { tasks: patched(WORKLIST_TASKS_PATCH) };
  let written = '';
  let row = worklistRowOf(read(), options);
  const changed = (): boolean => {
    row = worklistRowOf(read(), options);
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
