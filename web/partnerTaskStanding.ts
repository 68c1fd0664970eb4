/**
 * Where a partner's task stands for the link that opened it, and the pages for it: the task with
 * its next actions (each form with its own update id), or, when there is nothing to act on, what
 * became of it (declined, final, moved on, lapsed).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { PartnerToken } from '../cases/links';
import { linkStanding } from '../domain/linkBinding';
import type { SharedDetails } from '../domain/types';
import { isOneOf, TASK_KINDS } from '../domain/vocabulary';
import type { RequestView, TaskView } from '../workflows/messages';
import type { PageUi } from './kit/language';
import { messagePage } from './kit/messagePage';
import { bindingOf, movedOnPage, page } from './partnerReplies';
import { TASK_FORMS, type TaskForm, type TaskProblems, type TaskValues } from './partnerTaskForm';
import { declinedTaskPage, finalTaskPage, partnerTaskPage } from './views/partnerTaskPage';

/** Where a task stands for the link that opened it. */
export type TaskStanding = 'open' | 'accepted' | 'final' | 'declined' | 'moved_on' | 'lapsed';

/** The request's task, when it runs as one (a case from before tasks has none: the old page). */
export function taskOf(request: RequestView): TaskView | undefined {
  return isOneOf(TASK_KINDS, request.kind) ? request.task : undefined;
}

/**
 * Open and accepted are the states with something to do. The accepting link stays the partner's
 * way in until the task is final; a tier that declined sees that it did, not "moved on".
 */
export function taskStanding(
  request: RequestView,
  task: TaskView,
  link: PartnerToken,
  owner?: string,
): TaskStanding {
  if (request.status === 'cancelled') return 'lapsed';
  if (task.state === 'uitgevoerd' || task.state === 'niet_uitgevoerd') return 'final';
  const standing = linkStanding(request, bindingOf(link), owner);
  const declinedHere = link.tier !== undefined && task.declines.some((d) => d.tier === link.tier);
  // At the ladder's last step a decline leaves the request open with the same tier awaited.
  if (declinedHere && (standing !== 'awaited' || task.state === 'afgewezen')) return 'declined';
  if (standing !== 'awaited') return 'moved_on';
  return request.status === 'open' ? 'open' : 'accepted';
}

/** The page for a standing with nothing to act on; 200 on a GET, 409 when a post changed nothing. */
export function answerTaskStanding(
  ui: PageUi,
  reply: FastifyReply,
  standing: Exclude<TaskStanding, 'open' | 'accepted'>,
  request: RequestView,
  task: TaskView,
  link: PartnerToken,
  code: number,
): FastifyReply {
  const reference = link.meldingRef;
  if (standing === 'moved_on') return movedOnPage(ui, reply, reference);
  if (standing === 'lapsed') {
    return page(
      reply,
      410,
      messagePage(ui, ui.t('partner.lapsedTitle'), ui.t('partner.lapsed', { reference })),
    );
  }
  if (standing === 'final') return page(reply, code, finalTaskPage(ui, task, reference));
  // Declined by the coordinator, the ladders' last step: the request stays open for ops to resolve.
  // (Right after a decline the view may still name the declining tier: the next one is sent after.)
  const last = request.status === 'open' && link.tier === 'coordinator';
  return page(reply, code, declinedTaskPage(ui, task, reference, link.tier, last));
}

/** A new update id for every form, but the one just posted keeps its own (sent again, it is the same). */
export function formIds(kept?: { form?: TaskForm; actieId?: string }): Record<TaskForm, string> {
  const ids = Object.fromEntries(TASK_FORMS.map((f) => [f, randomUUID()])) as Record<TaskForm, string>;
  if (kept?.form && kept.actieId) ids[kept.form] = kept.actieId;
  return ids;
}

export interface TaskPageContext {
  link: PartnerToken;
  request: RequestView;
  task: TaskView;
  details: SharedDetails;
  actionPath: string;
  ui: PageUi;
}

export function showTask(
  reply: FastifyReply,
  code: number,
  ctx: TaskPageContext,
  extra: {
    ids?: Record<TaskForm, string>;
    problems?: TaskProblems;
    values?: TaskValues;
    notice?: { title: string; text: string };
  } = {},
): FastifyReply {
  return page(
    reply,
    code,
    partnerTaskPage({
      ...ctx,
      ids: extra.ids ?? formIds(),
      problems: extra.problems ?? {},
      values: extra.values ?? {},
      ...(extra.notice ? { notice: extra.notice } : {}),
    }),
  );
}
