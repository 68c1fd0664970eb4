/**
 * The security headers of every answer of the intake service and the codec server, from
 * @fastify/helmet: pages and answers may hold personal data, so they run no script, are never
 * framed (clickjacking), never cached and never leak their URL (partner links carry a token) to
 * another site. HSTS tells a browser that reached the service over https never to try http again.
 */
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        // No scripts at all; styles and fonts only from our own /stijl/ (web/kit/style.ts), no
        // inline style.
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        fontSrc: ["'self'"],
        imgSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: ONE_YEAR_SECONDS, includeSubDomains: true },
  });
  app.addHook('onRequest', async (_request, reply) => {
    // Helmet leaves caching alone: personal data is never in a shared or browser cache.
    reply.header('cache-control', 'no-store');
  });
}
