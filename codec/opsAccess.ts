/**
 * Who may pass the codec server's door, as one rule for the Web UI it serves and for decoding:
 * a staff session in the shared store (the intake's own cookie: one login for the ops pages and
 * the codec) of an account with the ops role. What a refused request gets depends on what asked: a person's
 * page request goes to the login (or is told the account is not ops); anything else gets a status.
 */
import type { FastifyRequest } from 'fastify';
import { signedIn } from '../web/kit/staffSessions';

export type OpsAccess =
  | { status: 'ops'; staffId: string }
  /** No session, or an expired, forged or revoked one. */
  | { status: 'anonymous' }
  /** A valid session of an account without the ops role (the helpline, a casemanager, ...). */
  | { status: 'not_ops'; staffId: string };

/**
 * The session as the store holds it (found, and a local account's role checked again against
 * configuration, by staffSessions.ts on this very request): ops, or not.
 */
export function opsAccessOf(request: FastifyRequest): OpsAccess {
  const staff = signedIn(request)?.staff;
  if (!staff) return { status: 'anonymous' };
  return staff.role === 'ops'
    ? { status: 'ops', staffId: staff.id }
    : { status: 'not_ops', staffId: staff.id };
}

/** A browser loading a page (not a script fetching data): it can be sent to the login page. */
export function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const mode = request.headers['sec-fetch-mode'];
  if (typeof mode === 'string') return mode === 'navigate';
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * A request that changes something must come from this origin: the session cookie is
 * SameSite=Strict already, this is the second lock (the codec's own login form has a CSRF token).
 * A request without Origin is a GET of a page or a non-browser client.
 */
export function fromOwnOrigin(request: FastifyRequest, ownOrigin: string): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return true;
  const origin = request.headers.origin;
  return origin === undefined || origin === ownOrigin;
}
