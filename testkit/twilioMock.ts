/**
 * The Twilio contract mock for activity tests: Prism serving Twilio's OpenAPI spec (started with
 * the project's own scripts/twilio-mock.sh on a free port), with a small fault-injecting HTTP proxy
 * in front. The proxy records what reached it and can answer the next requests with errors shaped
 * like Twilio's (HTTP 500, 429, or 400 with code 21211), which Prism's contract has no examples for.
 * The proxy also answers the message list (GET Messages.json) from the creations Prism accepted:
 * Prism cannot serve that list (its generated example breaks the contract's own `uri` format and
 * `--errors` turns that into a 500), and the activity reads the list after a crash to learn
 * whether an SMS already left. Everything else passes through to Prism, which validates it.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { freePort, startScript, waitForPort } from './processes';

export interface RecordedTwilioRequest {
  method: string;
  path: string;
  form: Record<string, string>;
  /** The status the client got back (injected or Prism's). */
  status: number;
  /** The SID Prism gave an accepted creation. */
  sid?: string;
  at: Date;
}

export interface InjectedFault {
  status: number;
  /** Twilio error code in the JSON body (e.g. 21211). */
  code?: number;
  message?: string;
}

export interface TwilioMock {
  /** Point TWILIO_API_BASE_URL here (the proxy). */
  baseUrl: string;
  requests: RecordedTwilioRequest[];
  /** Message creations Prism accepted (201): what Twilio would have sent. */
  acceptedMessages(): RecordedTwilioRequest[];
  /** The next POSTs to Messages.json get these answers, in order, instead of reaching Prism. */
  failNextMessageCreates(...faults: InjectedFault[]): void;
  /** Prism's own output (request log). */
  prismOutput: string[];
  stop(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The accepted creations as Twilio's message list (newest first), filtered on To and From. */
function messageList(pathname: string, query: URLSearchParams, requests: RecordedTwilioRequest[]) {
  const to = query.get('To');
  const from = query.get('From');
  const messages = requests
    .filter((r) => r.method === 'POST' && r.status === 201 && r.path.split('?')[0] === pathname)
    .filter((r) => (!to || r.form.To === to) && (!from || r.form.From === from))
    .reverse()
    .map((r) => ({
      sid: r.sid,
      to: r.form.To,
      from: r.form.From,
      body: r.form.Body,
      status: 'sent',
      date_sent: r.at.toUTCString(),
      date_created: r.at.toUTCString(),
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

export async function startTwilioMock(): Promise<TwilioMock> {
  const prismPort = await freePort();
  const prism = startScript('scripts/twilio-mock.sh', [String(prismPort)], { TWILIO_MOCK_LOG_LEVEL: 'info' });
  try {
    await waitForPort(prismPort, 90_000);
  } catch (err) {
    await prism.stop();
    throw new Error(`${(err as Error).message}\n${prism.output.join('').slice(-2000)}`);
  }

  const requests: RecordedTwilioRequest[] = [];
  const faults: InjectedFault[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const path = req.url ?? '/';
      const form = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
      const record: RecordedTwilioRequest = {
        method: req.method ?? 'GET',
        path,
        form,
        status: 0,
        at: new Date(),
      };
      requests.push(record);
      const isCreate = req.method === 'POST' && /\/Messages\.json$/.test(path.split('?')[0] ?? '');
      const fault = isCreate ? faults.shift() : undefined;
      const [pathname = '', query = ''] = path.split('?');
      if (req.method === 'GET' && /\/Accounts\/[^/]+\/Messages\.json$/.test(pathname)) {
        record.status = 200;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(messageList(pathname, new URLSearchParams(query), requests)));
        return;
      }
      if (fault) {
        record.status = fault.status;
        res.writeHead(fault.status, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            code: fault.code ?? fault.status * 100,
            message: fault.message ?? 'injected fault',
            more_info: `https://www.twilio.com/docs/errors/${fault.code ?? ''}`,
            status: fault.status,
          }),
        );
        return;
      }
      const upstream = httpRequest(
        {
          host: '127.0.0.1',
          port: prismPort,
          method: req.method,
          path,
          headers: { ...req.headers, host: `127.0.0.1:${prismPort}` },
        },
        (up) => {
          record.status = up.statusCode ?? 0;
          res.writeHead(up.statusCode ?? 502, up.headers);
          if (isCreate) {
            const chunks: Buffer[] = [];
            up.on('data', (c: Buffer) => chunks.push(c));
            up.on('end', () => {
              try {
                record.sid = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { sid?: string }).sid;
              } catch {
                // not JSON: no SID to remember
              }
            });
          }
          up.pipe(res);
        },
      );
      upstream.on('error', () => {
        record.status = 502;
        res.writeHead(502).end();
      });
      upstream.end(body);
    })();
  });
  const proxyPort = await freePort();
  await new Promise<void>((resolve) => server.listen(proxyPort, '127.0.0.1', resolve));

  return {
    baseUrl: `http://127.0.0.1:${proxyPort}`,
    requests,
    acceptedMessages: () =>
      requests.filter((r) => r.method === 'POST' && r.path.endsWith('/Messages.json') && r.status === 201),
    failNextMessageCreates: (...f) => faults.push(...f),
    prismOutput: prism.output,
    async stop() {
      // The SDK keeps connections alive; close them or close() waits for their idle timeout.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await prism.stop();
    },
  };
}
