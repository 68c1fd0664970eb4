/**
 * Builds the real providers from the validated environment. Nothing here is a module-level
 * singleton: the worker calls these once and hands the results to `createActivities`.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import twilio, { type Twilio } from 'twilio';
import type { Env } from '../config/env';

/** Short timeouts: a hung SMTP server must fail the try (and be retried) well within the delivery-log lease. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export function createMailTransport(
  env: Pick<Env, 'SMTP_HOST' | 'SMTP_PORT' | 'SMTP_SECURE' | 'SMTP_USER' | 'SMTP_PASSWORD' | 'NODE_ENV'>,
): Transporter {
  return nodemailer.createTransport({
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    secure: env.SMTP_SECURE,
    // In production a plain connection must be upgraded with STARTTLS or the send fails: partner
    // mail never crosses the network in clear text. Development talks to maildev without TLS.
    requireTLS: env.NODE_ENV === 'production' && !env.SMTP_SECURE,
    ...(env.SMTP_USER ? { auth: { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } } : {}),
    ...SMTP_TIMEOUTS,
    // No pooling: one connection per message keeps a failure tied to the message that caused it.
    pool: false,
  });
}

/**
 * A Twilio HTTP client that sends every request to another origin (the contract mock), keeping the
 * path: `https://api.twilio.com/2010-04-01/Accounts/...` becomes `http://localhost:4010/2010-04-01/...`.
 * This is the SDK's own extension point (`httpClient` option); `edge`/`region` only rewrite the
 * hostname within twilio.com, so they cannot reach a local mock.
 */
export class BaseUrlRequestClient extends twilio.RequestClient {
  private readonly base: URL;

  constructor(baseUrl: string, options: ConstructorParameters<typeof twilio.RequestClient>[0] = {}) {
    super(options);
    this.base = new URL(baseUrl);
  }

  override request<TData>(opts: TwilioRequestOptions<TData>) {
    const original = new URL(opts.uri);
    const basePath = this.base.pathname.replace(/\/$/, '');
    const uri = `${this.base.origin}${basePath}${original.pathname}${original.search}`;
    return super.request<TData>({ ...opts, uri });
  }
}

type TwilioRequestOptions<TData> = Parameters<typeof twilio.RequestClient.prototype.request<TData>>[0];

const TWILIO_TIMEOUT_MS = 15_000;

export function createTwilioClient(
  env: Pick<Env, 'TWILIO_ACCOUNT_SID' | 'TWILIO_AUTH_TOKEN' | 'TWILIO_API_BASE_URL'>,
): Twilio {
  const httpClient = env.TWILIO_API_BASE_URL
    ? new BaseUrlRequestClient(env.TWILIO_API_BASE_URL, { timeout: TWILIO_TIMEOUT_MS })
    : undefined;
  return twilio(env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN, {
    timeout: TWILIO_TIMEOUT_MS,
    // Retries belong to Temporal (visible in the history, with backoff), not hidden inside the SDK.
    autoRetry: false,
    ...(httpClient ? { httpClient } : {}),
  });
}
