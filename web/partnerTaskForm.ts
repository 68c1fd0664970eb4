/**
 * What a partner posts on a task's page, read into one action: accept, decline with a coded
 * reason, schedule (date dd-mm-jjjj and time as the intake form takes them, and a place), or
 * done / not done with a coded answer. Each form carries its own `actieId`, made when the page was
 * rendered, which becomes the update id: the same form sent twice is one action.
 *
 * Bad input answers the fields' problems, in the page's language, and nothing is sent.
 */
import { APPOINTMENT_PLACE_MAX } from '../domain/decisionSchemas';
import type { TaskStep } from '../domain/decisions';
import { parseLocalDateTime } from '../domain/localTime';
import { DECLINE_REASONS, isOneOf, NOT_DONE_REASONS, TASK_OUTCOMES } from '../domain/vocabulary';
import type { Translate } from '../i18n';

/** The forms on a task's page, each one action. */
export const TASK_FORMS = ['aannemen', 'afwijzen', 'plannen', 'uitgevoerd', 'niet_uitgevoerd'] as const;
export type TaskForm = (typeof TASK_FORMS)[number];

/** The fields a partner fills in, by their names on the page. */
export const TASK_FIELDS = ['afwijsreden', 'datum', 'tijd', 'plaats', 'uitkomst', 'nietreden'] as const;
export type TaskField = (typeof TASK_FIELDS)[number];

export type TaskProblems = Partial<Record<TaskField | 'formulier', string>>;
export type TaskValues = Partial<Record<TaskField, string>>;

/** An update id as the page makes it (crypto.randomUUID): nothing else is passed on to Temporal. */
const ACTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type TaskPost =
  | { ok: true; form: TaskForm; actieId: string; step?: TaskStep; values: TaskValues }
  | { ok: false; form?: TaskForm; actieId?: string; problems: TaskProblems; values: TaskValues };

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The posted body as one action, or the problems naming each field. */
export function readTaskPost(body: Record<string, unknown>, t: Translate, now: Date): TaskPost {
  const values: TaskValues = {};
  for (const field of TASK_FIELDS) {
    const value = text(body[field]);
    if (value !== '') values[field] = value.slice(0, 1000);
  }
  const form = text(body.actie);
  const actieId = text(body.actieId).toLowerCase();
  if (!isOneOf(TASK_FORMS, form) || !ACTION_ID.test(actieId)) {
    return {
      ok: false,
      ...(isOneOf(TASK_FORMS, form) ? { form } : {}),
      problems: { formulier: t('partnerTask.problemAction') },
      values,
    };
  }
  const refused = (problems: TaskProblems): TaskPost => ({ ok: false, form, actieId, problems, values });
  switch (form) {
    case 'aannemen':
      return { ok: true, form, actieId, values };
    case 'afwijzen': {
      const reason = values.afwijsreden;
      if (!isOneOf(DECLINE_REASONS, reason))
        return refused({ afwijsreden: t('partnerTask.problemDeclineReason') });
      return { ok: true, form, actieId, values, step: { action: 'afwijzen', reason } };
    }
    case 'plannen': {
      const problems: TaskProblems = {};
      const when = parseLocalDateTime(values.datum ?? '', values.tijd ?? '', now);
      if (!when.ok && when.problem === 'datum') problems.datum = t('partnerTask.problemDate');
      // The time is judged on its own, so a wrong date and a wrong time are both named at once.
      if (!/^\s*([01]?\d|2[0-3])[:.][0-5]\d\s*$/.test(values.tijd ?? ''))
        problems.tijd = t('partnerTask.problemTime');
      const place = (values.plaats ?? '').trim();
      if (place === '' || place.length > APPOINTMENT_PLACE_MAX) {
        problems.plaats = t('partnerTask.problemPlace', { max: APPOINTMENT_PLACE_MAX });
      }
      if (!when.ok || Object.keys(problems).length > 0) return refused(problems);
      return {
        ok: true,
        form,
        actieId,
        values,
        step: { action: 'plannen', appointment: { at: when.iso, place } },
      };
    }
    case 'uitgevoerd': {
      const outcome = values.uitkomst;
      if (!isOneOf(TASK_OUTCOMES, outcome)) return refused({ uitkomst: t('partnerTask.problemOutcome') });
      return { ok: true, form, actieId, values, step: { action: 'uitgevoerd', outcome } };
    }
    case 'niet_uitgevoerd': {
      const reason = values.nietreden;
      if (!isOneOf(NOT_DONE_REASONS, reason))
        return refused({ nietreden: t('partnerTask.problemNotDoneReason') });
      return { ok: true, form, actieId, values, step: { action: 'niet_uitgevoerd', reason } };
    }
  }
}
