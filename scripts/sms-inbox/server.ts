/**
 * The SMS inbox of the development stack: the Twilio API address the worker talks to
 * (TWILIO_API_BASE_URL), in front of the Twilio contract mock (Prism on Twilio's OpenAPI spec).
 *
 * - Every API request goes on to Prism unchanged, and Prism's answer comes back unchanged: the
 *   contract is still checked, a request Twilio would refuse is still refused.
 * - Each message creation it forwarded is recorded (to, body, time, Prism's answer) and listed,
 *   decoded and newest first, on its page at `/`, in the NL Design System as the other pages.
 * - The message list (GET Messages.json) is answered from those records: Prism cannot serve it (its
 *   generated example breaks the contract's own `uri` format), and the worker reads it after a
 *   crash to learn whether an SMS already left.
 *
 * Nothing of a request is logged: not the Basic auth header (account SID and token), not a number
 * or a text. Development only; production talks to Twilio itself over https
 * (config/productionRules.ts).
 */
import fastifyCookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from '../../config/logger';
import { registerLanguage, pageUi } from '../../web/kit/language';
import { registerSecurityHeaders } from '../../web/kit/securityHeaders';
import { registerStylesheets } from '../../web/kit/style';
import { inboxPage } from './inboxPage';
import type { SentSms, SentSmsStore } from './sentSms';

export interface SmsInboxDeps {
  /** Where Prism listens, e.g. http://127.0.0.1:4011. */
  prismUrl: string;
  store: SentSmsStore;
  logger: Logger;
  clock?: () => Date;
}

const MESSAGES = /^\/2010-04-01\/Accounts\/[^/]+\/Messages\.json$/;

/** Headers that belong to one hop, not to the request Prism should see. */
const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

/** Why Prism or Twilio refused a request, in the words of its answer. */
function refusalReason(answer: Record<string, unknown>): string {
  const validation = answer.validation;
  if (Array.isArray(validation) && validation.length > 0) {
    return validation.map((v) => String((v as { message?: unknown }).message ?? '')).join('; ');
  }
  return String(answer.message ?? answer.detail ?? answer.title ?? '');
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The accepted messages as Twilio's message list, newest first, filtered on To and From. */
function messageList(pathname: string, query: URLSearchParams, sent: readonly SentSms[]) {
  const to = query.get('To');
  const from = query.get('From');
  const messages = sent
    .filter((m) => m.httpStatus === 201 && (!to || m.to === to) && (!from || m.from === from))
    .reverse()
    .map((m) => ({
      sid: m.sid,
      to: m.to,
      from: m.from,
      body: m.body,
      status: m.status ?? 'queued',
      date_sent: new Date(m.at).toUTCString(),
      date_created: new Date(m.at).toUTCString(),
    }));
  return {
    messages,
    first_page_uri: pathname,
    next_page_uri: null,
    previous_page_uri: null,
    page: 0,
    page_size: Number(query.get('PageSize') ?? 50),
    start: 0,
    end: Math.max(0, messages.length - 1),
    uri: pathname,
  };
}

export async function buildSmsInbox(deps: SmsInboxDeps): Promise<FastifyInstance> {
  const clock = deps.clock ?? (() => new Date());
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // A request log line would carry the Twilio URL, and an error log the request with its headers.
    logController: new LogController({ disableRequestLogging: true }),
  });
  await registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  registerLanguage(app, { secureCookies: false });
  registerStylesheets(app);

  // The API's bodies pass through as they came: Prism checks them, the recorder reads the form.
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.get('/', async (request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(inboxPage({ messages: deps.store.all(), ui: pageUi(request) })),
  );

  app.all('/2010-04-01/*', async (request, reply) => {
    const [pathname = '', search = ''] = request.url.split('?');
    if (request.method === 'GET' && MESSAGES.test(pathname)) {
      return reply.send(messageList(pathname, new URLSearchParams(search), deps.store.all()));
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (HOP_HEADERS.has(name) || value === undefined) continue;
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const body = Buffer.isBuffer(request.body) ? request.body : undefined;
    let answer: Response;
    try {
      answer = await fetch(`${deps.prismUrl}${request.url}`, {
        method: request.method,
        headers,
        ...(body && request.method !== 'GET' && request.method !== 'HEAD' ? { body } : {}),
      });
    } catch {
      request.log.error(
        { event: 'sms_inbox_upstream_unreachable' },
        'sms inbox: the Twilio contract mock does not answer',
      );
      return reply.code(502).send({ code: 20500, message: 'Twilio contract mock unreachable', status: 502 });
    }
    const text = await answer.text();
    if (request.method === 'POST' && MESSAGES.test(pathname)) {
      const form = new URLSearchParams(body?.toString('utf8') ?? '');
      const parsed = parseJson(text);
      const accepted = answer.status >= 200 && answer.status < 300;
      deps.store.add({
        to: form.get('To') ?? '',
        from: form.get('From') ?? '',
        body: form.get('Body') ?? '',
        at: clock().toISOString(),
        httpStatus: answer.status,
        ...(accepted && typeof parsed.status === 'string' ? { status: parsed.status } : {}),
        ...(accepted && typeof parsed.sid === 'string' ? { sid: parsed.sid } : {}),
        ...(accepted ? {} : { error: refusalReason(parsed) }),
      });
    }
    reply.code(answer.status);
    const type = answer.headers.get('content-type');
    if (type) reply.type(type);
    return reply.send(text);
  });

  return app;
}
