/**
 * Twilio's SMS StatusCallback. Twilio signs each callback with the account's auth token over the
 * full public URL and the posted fields; an unsigned or wrongly signed post is refused before
 * anything else. Final statuses reach the workflow as the `deliveryStatus` signal, so a failed
 * SMS escalates at once instead of waiting out the acknowledgement timer.
 */
import type { FastifyInstance } from 'fastify';
import twilio from 'twilio';
import type { DeliveryStatusInput } from '../workflows/messages';
import { SMS_STATUS_PATH, verifyPartnerToken } from '../cases/links';
import type { MeldingService } from '../cases/meldingService';

export interface TwilioCallbackDeps {
  authToken: string;
  linkSecret: string;
  /** PUBLIC_BASE_URL: the URL Twilio called is this plus the request path, which is what it signed. */
  publicBaseUrl: string;
  meldingen: MeldingService;
  clock: () => Date;
}

const FINAL_STATUSES = new Set<DeliveryStatusInput['status']>(['delivered', 'undelivered', 'failed']);

export function registerTwilioCallback(app: FastifyInstance, deps: TwilioCallbackDeps): void {
  const base = deps.publicBaseUrl.replace(/\/+$/, '');

  app.post(`${SMS_STATUS_PATH}/:token`, async (request, reply) => {
    const signature = request.headers['x-twilio-signature'];
    const params = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<
      string,
      unknown
    >;
    if (
      typeof signature !== 'string' ||
      Object.values(params).some((v) => typeof v !== 'string') ||
      !twilio.validateRequest(deps.authToken, signature, `${base}${request.url}`, params)
    ) {
      request.log.warn({ event: 'twilio_signature_invalid' }, 'refused an unsigned SMS status callback');
      return reply.code(403).send({ error: 'forbidden' });
    }
    const verified = verifyPartnerToken(
      (request.params as { token: string }).token,
      deps.linkSecret,
      deps.clock(),
    );
    if (!verified.ok && verified.reason === 'expired') return reply.code(204).send();
    if (!verified.ok || verified.token.purpose !== 'sms') return reply.code(403).send({ error: 'forbidden' });

    const status = params.MessageStatus as DeliveryStatusInput['status'];
    if (!FINAL_STATUSES.has(status)) return reply.code(204).send(); // queued, sent, ...: not final yet
    const errorCode =
      typeof params.ErrorCode === 'string' && /^\d{1,10}$/.test(params.ErrorCode)
        ? params.ErrorCode
        : undefined;
    const { meldingRef, requestId, attempt } = verified.token;
    const result = await deps.meldingen.deliveryStatus(meldingRef, {
      requestId,
      attempt,
      channel: 'sms',
      status,
      ...(errorCode ? { errorCode } : {}),
    });
    request.log.info(
      { event: 'sms_status', reference: meldingRef, requestId, attempt, status, errorCode, result },
      'SMS delivery status',
    );
    return reply.code(204).send();
  });
}
