/**
 * A partner's page for a request that runs as a task (TASK_KINDS): what is asked and the
 * consent-filtered details, where the task stands (state, appointment), and the actions that fit
 * that state. The link stays the partner's way in after accepting, until the task is final; then,
 * as after declining, a short page says what was recorded and when.
 */
import type { SharedDetails } from '../../domain/types';
import { formatLocal } from '../../domain/localTime';
import type { RequestView, TaskView } from '../../workflows/messages';
import type { PageUi } from '../kit/language';
import { escapeHtml, html, raw, type SafeHtml } from '../kit/html';
import { layout } from '../kit/layout';
import { messagePage } from '../kit/messagePage';
import { detailsList, showsVictimDetails } from './partnerPage';
import { acceptedTaskForms, openTaskForms, taskErrorSummary, type TaskFormsInput } from './partnerTaskForms';

export interface PartnerTaskPageInput extends TaskFormsInput {
  details: SharedDetails;
  request: RequestView;
  task: TaskView;
  /** A confirmation or "we are checking" above the rest (role=status, focused). */
  notice?: { title: string; text: string };
}

/** "14-03-2026 14:30, Polikliniek Maastricht": the appointment in words, or undefined. */
export function appointmentWords(ui: PageUi, task: TaskView): string | undefined {
  if (!task.appointment) return undefined;
  return ui.t('partnerTask.appointmentAt', {
    when: formatLocal(task.appointment.at),
    place: task.appointment.place,
  });
}

function statePanel(ui: PageUi, request: RequestView, task: TaskView): SafeHtml {
  const { t } = ui;
  return html`<section aria-labelledby="stand-titel">
    <h2 class="utrecht-heading-2" id="stand-titel">${t('partnerTask.stateTitle')}</h2>
    <dl class="utrecht-data-list" id="stand">
      <dt>${t('partnerTask.state')}</dt>
      <dd>${t(`tasks.states.${task.state}`)}</dd>
      ${
        request.acknowledgedAt
          ? html`<dt>${t('partnerTask.acceptedAt')}</dt>
              <dd>${formatLocal(request.acknowledgedAt)}</dd>`
          : ''
      }
      <dt>${t('partnerTask.appointment')}</dt>
      <dd>${appointmentWords(ui, task) ?? t('partnerTask.noAppointment')}</dd>
    </dl>
  </section>`;
}

function notice(input: PartnerTaskPageInput, focused: boolean): SafeHtml {
  if (!input.notice) return html``;
  return html`<div
    class="utrecht-alert utrecht-alert--info melding"
    role="status"
    id="melding"
    tabindex="-1"
    ${focused ? html` autofocus` : ''}
  >
    <h2 class="utrecht-heading-2">${input.notice.title}</h2>
    <p class="utrecht-paragraph">${input.notice.text}</p>
  </div>`;
}

export function partnerTaskPage(input: PartnerTaskPageInput): string {
  const { details, request, task, ui } = input;
  const { t } = ui;
  const open = request.status === 'open';
  const hasProblems = Object.keys(input.problems).length > 0;
  const title = t(`request.kinds.${details.kind}`);
  // The catalogue text carries <strong>; the one value in it is escaped here.
  const due = open
    ? html`<p class="utrecht-paragraph">
        ${raw(t('partner.dueConfirm', { due: escapeHtml(formatLocal(request.dueBy)) }))}
      </p>`
    : '';
  const forms = open
    ? openTaskForms(input, !hasProblems && !input.notice)
    : acceptedTaskForms(input, task.state === 'gepland');
  const body = html`<h1
      class="utrecht-heading-1"
      id="titel"
      tabindex="-1"
      ${!open && !hasProblems && !input.notice ? html` autofocus` : ''}
    >
      ${title}
    </h1>
    ${taskErrorSummary(ui, input.problems)} ${notice(input, !hasProblems)}
    ${input.problems.formulier ? html`<p class="utrecht-paragraph fout" id="formulier-fout">${input.problems.formulier}</p>` : ''}
    ${due} ${open ? '' : statePanel(ui, request, task)}
    ${open ? '' : html`<h2 class="utrecht-heading-2">${t('partnerTask.detailsTitle')}</h2>`}
    ${detailsList(ui, details)} ${forms}
    <p class="utrecht-paragraph hint">
      ${t(showsVictimDetails(details) ? 'partner.doNotShare' : 'partner.doNotShareNoDetails')}
    </p>`;
  return layout({ title, body, ui });
}

/** The task is final: what was recorded, and when. No details any more, nothing to do. */
export function finalTaskPage(ui: PageUi, task: TaskView, reference: string): string {
  const { t } = ui;
  const when = formatLocal(task.updatedAt);
  const text =
    task.state === 'uitgevoerd'
      ? t('partnerTask.finalDone', {
          outcome: task.outcome ? t(`tasks.outcomes.${task.outcome}`) : '',
          when,
          reference,
        })
      : t('partnerTask.finalNotDone', {
          reason: task.notDoneReason ? t(`tasks.notDoneReasons.${task.notDoneReason}`) : '',
          when,
          reference,
        });
  return messagePage(ui, t('partnerTask.finalTitle'), text);
}

/** This link's partner declined: the request went on to the next one. */
export function declinedTaskPage(
  ui: PageUi,
  task: TaskView,
  reference: string,
  tier?: string,
  last = false,
): string {
  const { t } = ui;
  const decline = task.declines.filter((d) => tier === undefined || d.tier === tier).at(-1);
  const reason = decline ? t(`tasks.declineReasons.${decline.reason}`) : '';
  // At the ladder's last step there is no next partner: the CSG looks for another way.
  return last
    ? messagePage(
        ui,
        t('partnerTask.declinedLastTitle'),
        t('partnerTask.declinedLast', { reference, reason }),
      )
    : messagePage(ui, t('partnerTask.declinedTitle'), t('partnerTask.declined', { reference, reason }));
}
