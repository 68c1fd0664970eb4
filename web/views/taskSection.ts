/**
 * The partner requests that run as tasks, on the case page: where each stands (requested,
 * accepted, declined, scheduled, done, not done), the appointment (date, time, place) where there
 * is one, and who declined why. From the case state alone; a case from before tasks shows none.
 */
import { formatLocal } from '../../domain/localTime';
import type { Translate } from '../../i18n';
import type { CaseState, DecisionRecord, RequestView, TaskView } from '../../workflows/messages';
import { wordsOr } from '../../i18n';
import { html, type SafeHtml } from '../kit/html';
import { scrollingTable } from '../kit/table';

type TaskRequest = RequestView & { task: TaskView };

/** The requests with a task, in the order they were made. */
export function tasksOf(state: Pick<CaseState, 'requests'>): TaskRequest[] {
  return state.requests.filter((r): r is TaskRequest => r.task !== undefined);
}

/** "Gepland", "Uitgevoerd: afgerond", "Niet uitgevoerd: niet verschenen". */
export function taskStateWords(t: Translate, task: TaskView): string {
  const state = t(`tasks.states.${task.state}`);
  if (task.state === 'uitgevoerd' && task.outcome) return `${state}: ${t(`tasks.outcomes.${task.outcome}`)}`;
  if (task.state === 'niet_uitgevoerd' && task.notDoneReason)
    return `${state}: ${t(`tasks.notDoneReasons.${task.notDoneReason}`)}`;
  return state;
}

function declineWords(t: Translate, task: TaskView): string {
  return task.declines
    .map((d) =>
      t('caseTasks.declinedBy', {
        tier: t(`casePage.tiers.${d.tier}`),
        reason: t(`tasks.declineReasons.${d.reason}`),
        at: formatLocal(d.at),
      }),
    )
    .join('; ');
}

export function taskSection(t: Translate, state: Pick<CaseState, 'requests'>): SafeHtml {
  const tasks = tasksOf(state).filter((r) => r.status !== 'cancelled');
  if (tasks.length === 0) return html``;
  return html`<h2 class="utrecht-heading-2" id="taken-titel">${t('caseTasks.title')}</h2>
    ${scrollingTable(
      t('caseTasks.title'),
      html`<table class="utrecht-table utrecht-table--html-table" id="taken">
        <thead>
          <tr>
            <th scope="col">${t('casePage.colRequest')}</th>
            <th scope="col">${t('casePage.colPartner')}</th>
            <th scope="col">${t('caseTasks.colState')}</th>
            <th scope="col">${t('caseTasks.colAppointment')}</th>
            <th scope="col">${t('caseTasks.colPlace')}</th>
            <th scope="col">${t('caseTasks.colDeclines')}</th>
            <th scope="col">${t('caseTasks.colUpdated')}</th>
          </tr>
        </thead>
        <tbody>
          ${tasks.map(
            (r) =>
              html`<tr id="taak-${r.requestId}">
                <th scope="row">${t(`request.kinds.${r.kind}`)}</th>
                <td>${t(`request.roles.${r.role}`)}</td>
                <td>${taskStateWords(t, r.task)}</td>
                <td>${r.task.appointment ? formatLocal(r.task.appointment.at) : t('caseTasks.none')}</td>
                <td>${r.task.appointment?.place ?? ''}</td>
                <td>${r.task.declines.length ? declineWords(t, r.task) : t('caseTasks.none')}</td>
                <td>${formatLocal(r.task.updatedAt)}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
    )}`;
}

/** A step's action and the state it leads to, and where its code's words are. */
const STEP_WORDS: Record<string, { state: string; codes?: string }> = {
  afwijzen: { state: 'afgewezen', codes: 'tasks.declineReasons' },
  plannen: { state: 'gepland' },
  uitgevoerd: { state: 'uitgevoerd', codes: 'tasks.outcomes' },
  niet_uitgevoerd: { state: 'niet_uitgevoerd', codes: 'tasks.notDoneReasons' },
};

/**
 * A task step in the timeline, from its recorded value ("afwijzen: geen_capaciteit", "plannen"):
 * "FMO (forensisch arts): Afgewezen: Geen capaciteit". The value never holds the place.
 */
export function taskStepWords(t: Translate, d: DecisionRecord, state: Pick<CaseState, 'requests'>): string {
  const [action = '', code] = d.value.split(': ');
  const words = STEP_WORDS[action];
  if (!words) return d.value;
  const step = [
    t(`tasks.states.${words.state}`),
    ...(code && words.codes ? [wordsOr(t, `${words.codes}.${code}`, code)] : []),
  ].join(': ');
  const request = state.requests.find((r) => r.requestId === d.requestId);
  return request
    ? `${t(`request.kinds.${request.kind}`)} (${t(`request.roles.${request.role}`)}): ${step}`
    : step;
}
