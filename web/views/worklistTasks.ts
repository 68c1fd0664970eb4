/**
 * The partners' tasks under way on the casemanager's worklist: each task's state and, once
 * scheduled, its appointment's date and time, the next appointment first. The place is on the case
 * page (the worklist row holds codes and times only).
 */
import { formatLocal } from '../../domain/localTime';
import type { WorklistCase } from '../../cases/worklist';
import type { PageUi } from '../kit/language';
import { html, type SafeHtml } from '../kit/html';

export function worklistTasks(ui: PageUi, cases: WorklistCase[]): SafeHtml {
  const { t } = ui;
  const at = (iso?: string) => (iso ? Date.parse(iso) : Number.POSITIVE_INFINITY);
  const tasks = cases
    .flatMap((c) => (c.tasks ?? []).map((task) => ({ reference: c.reference, task })))
    .sort((a, b) => at(a.task.appointmentAt) - at(b.task.appointmentAt));
  const title = html`<h2 class="utrecht-heading-2">${t('caseTasks.worklistTitle')}</h2>`;
  if (tasks.length === 0)
    return html`${title}
      <p class="utrecht-paragraph" id="taken">${t('caseTasks.noneWorklist')}</p>`;
  return html`${title}
    <table class="utrecht-table utrecht-table--html-table" id="taken">
      <caption>
        ${t('caseTasks.worklistCaption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t('worklist.colMelding')}</th>
          <th scope="col">${t('worklist.colRequest')}</th>
          <th scope="col">${t('worklist.colPartner')}</th>
          <th scope="col">${t('caseTasks.colState')}</th>
          <th scope="col">${t('caseTasks.colAppointment')}</th>
        </tr>
      </thead>
      <tbody>
        ${tasks.map(
          ({ reference, task }) =>
            html`<tr>
              <th scope="row">
                <a
                  class="utrecht-link utrecht-link--html-a"
                  href="/meldingen/${reference}#taak-${task.requestId}"
                  >${reference}</a
                >
              </th>
              <td>${t(`request.kinds.${task.kind}`)}</td>
              <td>${t(`request.roles.${task.role}`)}</td>
              <td>${t(`tasks.states.${task.state}`)}</td>
              <td>${task.appointmentAt ? formatLocal(task.appointmentAt) : t('caseTasks.none')}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}
