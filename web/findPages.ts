/**
 * The staff page "find a melding again": GET shows the form, POST searches (the values stay out of
 * URLs) and shows the references found, or the form with each field's problem. The same checks as
 * `GET /api/meldingen` (web/findQuery.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { scopedService, type CaseServices } from '../cases/access';
import { REGIONS } from '../regions';
import { type AuthConfig } from './kit/auth';
import { csrfTokenOf, csrfValid, signedIn } from './kit/staffSessions';
import { pageUi } from './kit/language';
import { messagePage } from './kit/messagePage';
import { isoDate, parseDutchDate } from '../domain/localTime';
import { FIND_FIELDS, parseFindQuery, type FindField } from './findQuery';
import { findPage } from './views/findPage';

export const FIND_PAGE = '/meldingen/zoeken';

export interface FindPagesDeps {
  auth: AuthConfig;
  /** The case client; a search is scoped to the staff member's role and regions (cases/access.ts). */
  cases: CaseServices;
}

const regionName = (regionId: string) => REGIONS.get(regionId)?.name ?? regionId;

export function registerFindPages(app: FastifyInstance, deps: FindPagesDeps): void {
  const { cases } = deps;

  function requireSession(request: FastifyRequest, reply: FastifyReply) {
    const found = signedIn(request);
    if (!found) {
      void reply.redirect(`/inloggen?next=${encodeURIComponent(FIND_PAGE)}`, 303);
      return undefined;
    }
    return {
      staffId: found.staff.id,
      staff: found.staff,
      csrf: csrfTokenOf(reply),
    };
  }

  app.get(FIND_PAGE, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    return reply.type('text/html; charset=utf-8').send(
      findPage({
        values: {},
        problems: {},
        regionName,
        csrfToken: session.csrf,
        staffId: session.staffId,
        ui: pageUi(request),
      }),
    );
  });

  app.post(FIND_PAGE, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const ui = pageUi(request, FIND_PAGE);
    if (!csrfValid(request)) {
      return reply
        .code(403)
        .type('text/html; charset=utf-8')
        .send(messagePage(ui, ui.t('form.expiredTitle'), ui.t('form.expired'), FIND_PAGE));
    }
    const values: Partial<Record<FindField, string>> = {};
    for (const name of FIND_FIELDS) {
      if (typeof body[name] === 'string') values[name] = (body[name] as string).slice(0, 200);
    }
    const page = { values, regionName, csrfToken: session.csrf, staffId: session.staffId, ui };
    const parsed = parseFindQuery(withIsoBirthDate(values));
    if (!parsed.ok) {
      const problems: Partial<Record<FindField, string>> = {};
      for (const p of parsed.problems) {
        const name = p.field as FindField;
        // The page asks for dd-mm-jjjj; the API's message speaks of its own YYYY-MM-DD.
        const key = p.messageKey === 'dateOfBirthInvalid' ? 'dateOfBirthTyped' : p.messageKey;
        problems[name] ??= ui.t(`find.${key}`);
      }
      return reply
        .code(400)
        .type('text/html; charset=utf-8')
        .send(findPage({ ...page, problems }));
    }
    const staff = session.staff;
    const outcome = staff ? await scopedService(cases, staff).find(parsed.query) : undefined;
    if (!outcome || outcome.status === 'forbidden') {
      return reply
        .code(403)
        .type('text/html; charset=utf-8')
        .send(messagePage(ui, ui.t('find.forbiddenTitle'), ui.t('find.forbidden'), '/meldingen/nieuw'));
    }
    const found = outcome.found;
    request.log.info({ event: 'find', staffId: session.staffId, found: found.length }, 'cases searched');
    return reply.type('text/html; charset=utf-8').send(findPage({ ...page, problems: {}, found }));
  });
}

/**
 * The page takes a date of birth as the intake form does (dd-mm-jjjj, one way to write a date on
 * every form); the search itself, like the API, takes YYYY-MM-DD.
 */
function withIsoBirthDate(values: Partial<Record<FindField, string>>): Partial<Record<FindField, string>> {
  const typed = values.geboortedatum;
  const ymd = typed === undefined ? undefined : parseDutchDate(typed);
  return ymd ? { ...values, geboortedatum: isoDate(ymd) } : values;
}
