/**
 * What a posted form on a task's page does (TASK_KINDS; where the task stands and its pages are in
 * web/partnerTaskStanding.ts). Accepting is the acknowledgement; declining,
 * scheduling and done / not done are the `taak` decision. Each form's `actieId` goes along as the
 * update id, so a second click, a browser's retry or a post sent again after no answer came is the
 * same action, applied once; the page then shows the task as it stands.
 */
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { PartnerToken } from '../cases/links';
import { CaseUnavailableError, type MeldingService } from '../cases/meldingService';
import type { Decision } from '../domain/decisions';
import { APPOINTMENT_PLACE_MAX } from '../domain/decisionSchemas';
import { formatLocal } from '../domain/localTime';
import type { CaseState } from '../workflows/messages';
import type { PageUi } from './kit/language';
import { messagePage } from './kit/messagePage';
import { actorOf, bindingOf, page } from './partnerReplies';
import { readTaskPost, type TaskForm, type TaskProblems } from './partnerTaskForm';
import {
  answerTaskStanding,
  formIds,
  showTask,
  taskOf,
  taskStanding,
  type TaskPageContext,
} from './partnerTaskStanding';

/** Which field a refusal of the workflow names, on this page ("step.appointment.at" is the date). */
function fieldOf(field: string, form: TaskForm): keyof TaskProblems {
  if (field === 'step.appointment.at') return 'datum';
  if (field === 'step.appointment.place') return 'plaats';
  if (field === 'step.outcome') return 'uitkomst';
  if (field === 'step.reason') return form === 'afwijzen' ? 'afwijsreden' : 'nietreden';
  return 'formulier';
}

export interface TaskPostDeps {
  meldingen: MeldingService;
  clock: () => Date;
  log: FastifyBaseLogger;
}

/** The case's request and task now, read again after an answer (or none) from the case. */
async function current(meldingen: MeldingService, link: PartnerToken) {
  const state: CaseState | undefined = await meldingen.state(link.meldingRef);
  const request = state?.requests.find((r) => r.requestId === link.requestId);
  const task = request && taskOf(request);
  return state && request && task ? { state, request, task } : undefined;
}

/** A posted form on a task's page: the action once, then the task as it stands. */
export async function postTaskAction(
  deps: TaskPostDeps,
  reply: FastifyReply,
  ctx: TaskPageContext,
  body: Record<string, unknown>,
): Promise<FastifyReply> {
  const { meldingen, clock, log } = deps;
  const { link, request, ui } = ctx;
  const { t } = ui;
  const reference = link.meldingRef;
  const post = readTaskPost(body, t, clock());
  const kept = formIds({
    ...(post.form ? { form: post.form } : {}),
    ...(post.actieId ? { actieId: post.actieId } : {}),
  });
  const again = (code: number, problems: TaskProblems, values = post.values) =>
    showTask(reply, code, ctx, { ids: kept, problems, values });
  if (!post.ok) return again(400, post.problems);

  const open = request.status === 'open';
  // Accepting what is accepted already is that same action sent again: show where it stands.
  if (!open && post.form === 'aannemen') {
    return showTask(reply, 200, ctx, {
      notice: { title: t('partnerTask.acceptedTitle'), text: t('partnerTask.accepted', { reference }) },
    });
  }
  const fits = open ? post.form === 'aannemen' || post.form === 'afwijzen' : post.form !== 'afwijzen';
  if (!fits)
    return again(409, { formulier: t(open ? 'partnerTask.problemNotYet' : 'partnerTask.problemState') });

  const by = actorOf(link, request);
  const base = { requestId: link.requestId, link: bindingOf(link), by };
  const decision: Decision =
    post.form === 'aannemen'
      ? { type: 'ontvangstbevestiging', input: base }
      : { type: 'taak', input: { ...base, step: post.step! } };

  let outcome;
  try {
    outcome = await meldingen.decide(reference, decision, { updateId: post.actieId });
  } catch (error) {
    if (!(error instanceof CaseUnavailableError)) throw error;
    // No answer in time: it may have been applied. Show the task as it stands, with the form as it
    // was sent (same update id), so sending it again is the same action, not a second one.
    const now = await current(meldingen, link).catch(() => undefined);
    if (!now) {
      return page(
        reply,
        503,
        messagePage(ui, t('partnerTask.unavailableTitle'), t('partnerTask.unavailable', { reference })),
      );
    }
    const standing = taskStanding(now.request, now.task, link, now.state.casemanager);
    if (standing !== 'open' && standing !== 'accepted') {
      return answerTaskStanding(ui, reply, standing, now.request, now.task, link, 200);
    }
    return showTask(
      reply,
      202,
      { ...ctx, request: now.request, task: now.task },
      {
        ids: kept,
        values: post.values,
        notice: { title: t('partnerTask.checkingTitle'), text: t('partnerTask.checking') },
      },
    );
  }

  if (outcome.status === 'not_found') {
    return page(
      reply,
      404,
      messagePage(ui, t('partner.notFoundTitle'), t('partner.notFound', { reference })),
    );
  }
  const now =
    outcome.status === 'ok'
      ? (() => {
          const r = outcome.state.requests.find((q) => q.requestId === link.requestId);
          const task = r && taskOf(r);
          return r && task ? { state: outcome.state, request: r, task } : undefined;
        })()
      : await current(meldingen, link);
  if (!now) {
    return page(reply, 410, messagePage(ui, t('partner.lapsedTitle'), t('partner.lapsed', { reference })));
  }
  const standing = taskStanding(now.request, now.task, link, now.state.casemanager);
  if (outcome.status === 'rejected') {
    // The task moved on meanwhile (another step, a decline elsewhere): show that instead.
    if (standing !== 'open' && standing !== 'accepted') {
      return answerTaskStanding(ui, reply, standing, now.request, now.task, link, 409);
    }
    const problem = outcome.problems[0]!;
    const field = fieldOf(problem.field, post.form);
    const message = field === 'formulier' ? t('partnerTask.problemState') : problemWords(t, field);
    return showTask(
      reply,
      409,
      { ...ctx, request: now.request, task: now.task },
      {
        ids: kept,
        problems: { [field]: message },
        values: post.values,
      },
    );
  }

  // Codes only: never the place or anything else typed.
  log.info(
    { event: 'partner_action', reference, requestId: link.requestId, action: post.form },
    'partner acted on link',
  );
  if (standing !== 'open' && standing !== 'accepted') {
    return answerTaskStanding(ui, reply, standing, now.request, now.task, link, 200);
  }
  const notice =
    post.form === 'plannen' && now.task.appointment
      ? {
          title: t('partnerTask.scheduledTitle'),
          text: t('partnerTask.scheduled', {
            reference,
            when: formatLocal(now.task.appointment.at),
            place: now.task.appointment.place,
          }),
        }
      : { title: t('partnerTask.acceptedTitle'), text: t('partnerTask.accepted', { reference }) };
  return showTask(reply, 200, { ...ctx, request: now.request, task: now.task }, { notice });
}

function problemWords(t: PageUi['t'], field: Exclude<keyof TaskProblems, 'formulier'>): string {
  const keys = {
    afwijsreden: 'partnerTask.problemDeclineReason',
    datum: 'partnerTask.problemDate',
    tijd: 'partnerTask.problemTime',
    plaats: 'partnerTask.problemPlace',
    uitkomst: 'partnerTask.problemOutcome',
    nietreden: 'partnerTask.problemNotDoneReason',
  } as const;
  return t(keys[field], { max: APPOINTMENT_PLACE_MAX });
}
