/**
 * The victim's page behind the invitation (`/ervaring/:token`, activities/experienceInvite.ts): a
 * few questions about the help received, answered once per link, stored with region and semester
 * only (reporting/experienceStore.ts). No login, no session and no cookie: the signed link is the
 * only credential, and a cookie would be a trace on a phone someone else may look at. The
 * language comes from the link (`?taal=`, the victim's language) and the switch keeps it in the
 * address for the same reason.
 */
import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EXPERIENCE_PAGE_PATH, verifyExperienceToken } from '../cases/experienceLinks';
import { parseExperienceForm } from '../domain/experience';
import { isLang, translator } from '../i18n';
import type { ExperienceStore } from '../reporting/experienceStore';
import { otherLanguage, type PageUi } from './kit/language';
import { messagePage } from './kit/messagePage';
import { experiencePage } from './views/experiencePage';

export interface ExperiencePagesDeps {
  linkSecret: string;
  store: ExperienceStore;
  clock: () => Date;
}

function page(reply: FastifyReply, code: number, body: string) {
  return reply.code(code).type('text/html; charset=utf-8').send(body);
}

/** The link's language (`?taal=`), else the browser's; the switch stays on this very page. */
function experienceUi(request: FastifyRequest, path: string): PageUi {
  const asked = (request.query as Record<string, unknown> | undefined)?.taal;
  const lang = isLang(asked) ? asked : request.lang;
  return { t: translator(lang), lang, switchHref: `${path}?taal=${otherLanguage(lang)}` };
}

export function registerExperiencePages(app: FastifyInstance, deps: ExperiencePagesDeps): void {
  // A key of its own: the store keeps a keyed hash of a used nonce, never the nonce itself.
  const usedKeyOf = (() => {
    const key = createHmac('sha256', deps.linkSecret).update('ervaring-gebruikt').digest();
    return (nonce: string) => createHmac('sha256', key).update(nonce).digest('hex');
  })();

  /** The link's token when it can still be answered; otherwise the page that says why, sent. */
  function resolve(token: string, ui: PageUi, reply: FastifyReply) {
    const { t } = ui;
    const verified = verifyExperienceToken(token, deps.linkSecret, deps.clock());
    if (!verified.ok) {
      return verified.reason === 'expired'
        ? void page(reply, 410, messagePage(ui, t('ervaring.expiredTitle'), t('ervaring.expired')))
        : void page(reply, 404, messagePage(ui, t('ervaring.invalidTitle'), t('ervaring.invalid')));
    }
    const usedKey = usedKeyOf(verified.token.nonce);
    if (deps.store.used(usedKey)) {
      return void page(reply, 409, messagePage(ui, t('ervaring.usedTitle'), t('ervaring.used')));
    }
    return { token: verified.token, usedKey };
  }

  app.get(`${EXPERIENCE_PAGE_PATH}/:token`, async (request, reply) => {
    const token = (request.params as { token: string }).token;
    const path = `${EXPERIENCE_PAGE_PATH}/${token}`;
    const ui = experienceUi(request, path);
    if (!resolve(token, ui, reply)) return reply;
    const action = `${path}?taal=${ui.lang}`;
    return page(reply, 200, experiencePage({ ui, action, values: { help: [] }, problems: [] }));
  });

  app.post(`${EXPERIENCE_PAGE_PATH}/:token`, async (request, reply) => {
    const token = (request.params as { token: string }).token;
    const path = `${EXPERIENCE_PAGE_PATH}/${token}`;
    const ui = experienceUi(request, path);
    const found = resolve(token, ui, reply);
    if (!found) return reply;
    const parsed = parseExperienceForm((request.body ?? {}) as Record<string, unknown>);
    if (!parsed.ok) {
      const action = `${path}?taal=${ui.lang}`;
      return page(
        reply,
        400,
        experiencePage({ ui, action, values: parsed.values, problems: parsed.problems }),
      );
    }
    const { regionId, semester, expiresAt } = found.token;
    const outcome = deps.store.submit(found.usedKey, expiresAt, { regionId, semester, ...parsed.answers });
    // No log line of its own (the request line names the route and status only): what was
    // answered, next to a moment, is not for a log.
    if (outcome === 'used') {
      return page(reply, 409, messagePage(ui, ui.t('ervaring.usedTitle'), ui.t('ervaring.used')));
    }
    return page(reply, 200, messagePage(ui, ui.t('ervaring.thanksTitle'), ui.t('ervaring.thanks')));
  });
}
