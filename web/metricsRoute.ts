/**
 * The intake service's `/metrics` for Prometheus, and the counting of what happens here once:
 * a melding started (by channel and region), an SMS the provider reports undelivered.
 *
 * The intake service faces partners (their links and Twilio's callbacks reach it from outside),
 * so `/metrics` is not open: it answers only a bearer token (METRICS_TOKEN, compared in constant
 * time; Prometheus sends it with `authorization: { credentials: ... }`), and is not registered at
 * all when no token is configured. Figures are codes and counts, but how many acute cases a small
 * region has today is still nobody else's business.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { IntakeMetrics } from '../config/metrics';
import type { MeldingService } from '../cases/meldingService';

export interface IntakeMetricsDeps {
  registry: Registry;
  counters: IntakeMetrics;
  /** Bearer token Prometheus must send; without it `/metrics` is not served. */
  token?: string;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

export function registerMetricsRoute(app: FastifyInstance, deps: IntakeMetricsDeps): void {
  const token = deps.token;
  if (!token) return;
  const expected = digest(`Bearer ${token}`);
  app.get('/metrics', async (request, reply) => {
    const given = request.headers.authorization;
    if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized' });
    }
    const body = await deps.registry.metrics();
    return reply.type(deps.registry.contentType).send(body);
  });
}

/** The melding service, counting starts and provider-reported delivery failures on the way. */
export function countingMeldingService(inner: MeldingService, counters: IntakeMetrics): MeldingService {
  return {
    ...inner,
    async start(raw) {
      const outcome = await inner.start(raw);
      if (outcome.status === 'started') {
        // Validated by now, so the channel is one of the known codes.
        const channel = String((raw as { channel?: unknown }).channel);
        counters.meldingenStarted.inc({ channel, region: outcome.regionId ?? 'onbekend' });
      }
      return outcome;
    },
    async deliveryStatus(reference, input) {
      if (input.status !== 'delivered')
        counters.deliveriesFailed.inc({ channel: input.channel, kind: 'provider' });
      return inner.deliveryStatus(reference, input);
    },
  };
}
