/**
 * The coordinator's overview of a region, as a page and as JSON for other tools:
 *
 *   GET /regio/:region        the page (session cookie, like the other staff pages)
 *   GET /api/regio/:region    the same figures as JSON (Bearer session token or Basic)
 *
 * For a role with `regio_overzicht` (domain/access.ts: the coordinator, ops); other roles get 403.
 * A region that does not exist or that the account does not serve is 404, as a case elsewhere is.
 * The rules are applied by the scoped case client (cases/access.ts).
 */
import type { Client } from '@temporalio/client';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { keptFresh } from '../cases/keptFresh';
import { createRegionOverview, type RegionOverviewSource } from '../cases/regionOverview';
import { translator } from '../i18n';
import { REGIONS } from '../regions';
import { scopedService, type CaseServices, type ScopedCases } from '../cases/access';
import { apiLanguage } from './api';
import { staffFromAuthorization, staffOf, type AuthConfig } from './kit/auth';
import { csrfTokenOf, signedIn } from './kit/staffSessions';
import { pageUi } from './kit/language';
import { messagePage } from './kit/messagePage';
import { regionOverviewPage } from './views/regionOverview';

export interface RegionPagesDeps {
  auth: AuthConfig;
  cases: CaseServices;
  clock: () => Date;
}

/** The figures behind the overview, from visibility; the casemanagers of the region counted one by one. */
export function regionOverviewSource(client: Client, auth: AuthConfig): RegionOverviewSource {
  return createRegionOverview({
    client,
    casemanagers: (regionId) =>
      [...(auth.staff?.values() ?? [])]
        .filter((s) => s.role === 'casemanager' && (s.regions === 'alle' || s.regions.includes(regionId)))
        .map((s) => s.id),
  });
}

/** A region id as the paths carry it; anything else is no region. */
const REGION_PARAM = /^[a-z0-9-]{1,60}$/;

export function registerRegionPages(app: FastifyInstance, deps: RegionPagesDeps): void {
  const { auth, clock } = deps;
  // A large region's figures take the visibility store longer than a page view may wait: the last
  // ones are answered at once (the page says as of when) and refreshed behind the answer.
  const kept =
    deps.cases.regionOverview &&
    keptFresh(deps.cases.regionOverview, {
      freshMs: 2_000,
      staleMs: 2 * 60_000,
      onRefreshError: (regionId, error) =>
        app.log.warn(
          { event: 'region_overview_refresh_failed', regionId, error: (error as Error).message },
          'region overview refresh failed',
        ),
    });
  const cases: CaseServices = { ...deps.cases, ...(kept ? { regionOverview: kept } : {}) };
  app.addHook('onClose', async () => kept?.idle());
  const page = (reply: FastifyReply, code: number, body: string) =>
    reply.code(code).type('text/html; charset=utf-8').send(body);

  /** The overview as the scoped client answers it, for a known region id (else not found). */
  async function overviewFor(scoped: ScopedCases, region: string) {
    if (!REGION_PARAM.test(region) || !REGIONS.has(region)) {
      // The role is still asked first: a role without the overview learns nothing about regions.
      return scoped.may('regio_overzicht')
        ? ({ status: 'not_found' } as const)
        : ({ status: 'forbidden' } as const);
    }
    return scoped.regionOverview(region, clock());
  }

  app.get('/regio/:region', async (request, reply) => {
    const found = signedIn(request);
    if (!found) {
      return reply.redirect(`/inloggen?next=${encodeURIComponent(request.url.split('?')[0]!)}`, 303);
    }
    const ui = pageUi(request);
    const staff = found.staff;
    const { region } = request.params as { region: string };
    const read = staff
      ? await overviewFor(scopedService(cases, staff), region)
      : ({ status: 'forbidden' } as const);
    if (read.status === 'forbidden') {
      return page(reply, 403, messagePage(ui, ui.t('regio.forbiddenTitle'), ui.t('regio.forbidden')));
    }
    if (read.status === 'not_found') {
      return page(
        reply,
        404,
        messagePage(ui, ui.t('regio.notFoundTitle'), ui.t('regio.notFound', { region })),
      );
    }
    return page(
      reply,
      200,
      regionOverviewPage({
        staffId: found.staff.id,
        csrfToken: csrfTokenOf(reply),
        regionName: REGIONS.get(region)?.name ?? region,
        overview: read.overview,
        ops: staff?.role === 'ops',
        ui,
      }),
    );
  });

  app.get('/api/regio/:region', async (request: FastifyRequest, reply) => {
    const t = translator(apiLanguage(request));
    const outcome = await staffFromAuthorization(request, auth);
    if (outcome.status === 'throttled') {
      return reply
        .code(429)
        .header('retry-after', String(outcome.retryAfterSeconds))
        .send({
          error: 'too_many_attempts',
          message: t('api.too_many_attempts', { seconds: outcome.retryAfterSeconds }),
        });
    }
    if (outcome.status === 'rejected') {
      // Bearer only: inviting Basic would have a browser offer its own password dialog for a staff account.
      reply.header('www-authenticate', 'Bearer realm="csg-meldingen"');
      return reply.code(401).send({ error: 'unauthorized', message: t('api.unauthorized') });
    }
    const staff = outcome.staff ?? staffOf(auth, outcome.staffId);
    const { region } = request.params as { region: string };
    const read = staff
      ? await overviewFor(scopedService(cases, staff), region)
      : ({ status: 'forbidden' } as const);
    if (read.status === 'forbidden') {
      return reply.code(403).send({ error: 'forbidden', message: t('regio.forbidden') });
    }
    if (read.status === 'not_found') return reply.code(404).send({ error: 'not_found' });
    return reply.send(read.overview);
  });
}
