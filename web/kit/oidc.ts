/**
 * Login through the organisation's identity provider with OpenID Connect (openid-client): the
 * provider is discovered from its issuer, the browser is sent there with an authorization code
 * request (PKCE S256, state and nonce), and the code that comes back is exchanged for an ID token
 * whose signature, issuer, audience, nonce and times openid-client checks.
 *
 * Then our own checks on its claims, all of them on the ID token (not the userinfo endpoint): a
 * second factor (an `amr` value of the configured list, or an accepted `acr`), and the staff id,
 * role and regions, validated against the roles of domain/access.ts and the region ids of regions/.
 * A login that fails any check gets no session.
 *
 * State, nonce and the PKCE verifier live between the two legs in a short-lived HttpOnly cookie
 * signed with the session secret, so the service keeps no login state of its own.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { z } from 'zod';
import type { OidcSettings } from '../../config/oidcEnv';
import { STAFF_ROLES, type Staff } from '../../domain/access';
import { STAFF_ID_PATTERN } from '../../domain/staffId';

export const OIDC_START_PATH = '/inloggen/oidc';
export const OIDC_CALLBACK_PATH = '/inloggen/oidc/terug';
const TRANSACTION_COOKIE = 'csg_oidc';
/** Long enough to sign in with a second factor, short enough that a stale attempt expires. */
const TRANSACTION_TTL_MS = 10 * 60 * 1000;

/** What one login attempt carries from the first leg to the callback. */
interface Transaction {
  state: string;
  nonce: string;
  verifier: string;
  /** The local path to go on to after the login. */
  next: string;
  expires: number;
}

export type OidcOutcome =
  | { status: 'accepted'; staff: Staff }
  /** The provider said who it was, but without a second factor. */
  | { status: 'no_second_factor' }
  /** Staff id, role or regions missing or unknown; `problems` names the claims, never their values. */
  | { status: 'bad_claims'; problems: string[] }
  /** No valid transaction, a wrong state or nonce, a refused code, an error from the provider. */
  | { status: 'failed'; reason: string };

export interface OidcLogin {
  settings: OidcSettings;
  /** Starts a login: sets the transaction cookie and answers where to send the browser. */
  begin(request: FastifyRequest, reply: FastifyReply, next: string): Promise<string>;
  /** Finishes it at the callback: the transaction cookie is used up either way. */
  complete(request: FastifyRequest, reply: FastifyReply): Promise<OidcOutcome & { next?: string }>;
}

export interface OidcLoginDeps {
  settings: OidcSettings;
  /** Signs the transaction cookie. */
  sessionSecret: string;
  secureCookies: boolean;
  /** The region ids a regions claim may name (regions/). */
  regionIds: readonly string[];
  clock: () => Date;
}

export function createOidcLogin(deps: OidcLoginDeps): OidcLogin {
  const { settings } = deps;
  let discovered: Promise<client.Configuration> | undefined;
  /** Discovered on first use and kept; a failed discovery is tried again at the next login. */
  function configuration(): Promise<client.Configuration> {
    discovered ??= client
      .discovery(
        settings.issuer,
        settings.clientId,
        settings.clientSecret,
        undefined,
        // config/oidcEnv.ts allows plain http for a provider on localhost only.
        settings.issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  }

  const sign = (value: string) =>
    createHmac('sha256', deps.sessionSecret).update(`oidc:${value}`).digest('base64url');
  const cookieOptions = {
    path: OIDC_START_PATH,
    httpOnly: true,
    // Lax, not Strict: the callback is a navigation from the provider's site, and must carry it.
    sameSite: 'lax' as const,
    secure: deps.secureCookies,
  };

  function readTransaction(request: FastifyRequest): Transaction | undefined {
    const raw = request.cookies[TRANSACTION_COOKIE];
    if (typeof raw !== 'string' || raw.length > 2000) return undefined;
    const [payload, signature] = raw.split('.');
    if (!payload || !signature) return undefined;
    const expected = Buffer.from(sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const t = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Transaction;
      return t.expires > deps.clock().getTime() ? t : undefined;
    } catch {
      return undefined;
    }
  }

  return {
    settings,
    async begin(_request, reply, next) {
      const config = await configuration();
      const transaction: Transaction = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
        next,
        expires: deps.clock().getTime() + TRANSACTION_TTL_MS,
      };
      const payload = Buffer.from(JSON.stringify(transaction)).toString('base64url');
      reply.setCookie(TRANSACTION_COOKIE, `${payload}.${sign(payload)}`, {
        ...cookieOptions,
        maxAge: TRANSACTION_TTL_MS / 1000,
      });
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scopes,
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(transaction.verifier),
        code_challenge_method: 'S256',
        state: transaction.state,
        nonce: transaction.nonce,
        // Asks the provider for the assurance level the region accepts, where it configured one.
        ...(settings.acceptedAcr.length > 0 ? { acr_values: settings.acceptedAcr.join(' ') } : {}),
      });
      return url.href;
    },

    async complete(request, reply) {
      const transaction = readTransaction(request);
      reply.clearCookie(TRANSACTION_COOKIE, cookieOptions);
      if (!transaction) return { status: 'failed', reason: 'no_transaction' };
      let claims: client.IDToken | undefined;
      try {
        const config = await configuration();
        // The URL as registered: the provider's answer is checked against our own redirect URI.
        const current = new URL(settings.redirectUri);
        current.search = new URL(request.url, 'http://callback.invalid').search;
        const tokens = await client.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: transaction.verifier,
          expectedState: transaction.state,
          expectedNonce: transaction.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
      } catch (error) {
        // The error's kind and code only: its message may quote the provider's answer.
        const e = error as { name?: string; code?: string; error?: string };
        return { status: 'failed', reason: [e.name, e.code, e.error].filter(Boolean).join(':') || 'error' };
      }
      if (!claims) return { status: 'failed', reason: 'no_id_token' };
      return { ...checkClaims(claims, settings, deps.regionIds), next: transaction.next };
    },
  };
}

/** Whether the ID token shows a second factor: an `amr` value of the list, or an accepted `acr`. */
export function hasSecondFactor(
  claims: Record<string, unknown>,
  settings: Pick<OidcSettings, 'secondFactorAmr' | 'acceptedAcr'>,
): boolean {
  const amr = Array.isArray(claims.amr) ? claims.amr : [];
  if (amr.some((method) => typeof method === 'string' && settings.secondFactorAmr.includes(method))) {
    return true;
  }
  return typeof claims.acr === 'string' && settings.acceptedAcr.includes(claims.acr);
}

/** The staff member the claims describe, with the claim names of the configuration. */
function staffClaimsSchema(regionIds: readonly string[]) {
  return z.object({
    id: z.string().regex(STAFF_ID_PATTERN, 'not a staff id (2-40 letters, digits, . _ -)'),
    role: z.enum(STAFF_ROLES, 'unknown role'),
    // 'alle', or region ids as a list or one string separated by spaces or commas.
    regions: z.preprocess(
      (value) => (typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : value),
      z
        .array(z.string())
        .min(1, 'no region')
        .transform((ids, ctx): Staff['regions'] => {
          if (ids.includes('alle')) return 'alle';
          for (const id of ids) {
            if (!regionIds.includes(id))
              ctx.issues.push({ code: 'custom', message: 'unknown region', input: id });
          }
          return [...new Set(ids)];
        }),
    ),
  });
}

/** The second factor first (no factor, no look at the rest), then who the claims say this is. */
export function checkClaims(
  claims: Record<string, unknown>,
  settings: Pick<OidcSettings, 'secondFactorAmr' | 'acceptedAcr' | 'claims'>,
  regionIds: readonly string[],
): OidcOutcome {
  if (!hasSecondFactor(claims, settings)) return { status: 'no_second_factor' };
  const parsed = staffClaimsSchema(regionIds).safeParse({
    id: claims[settings.claims.staffId],
    role: claims[settings.claims.role],
    regions: claims[settings.claims.regions],
  });
  if (!parsed.success) {
    const names = {
      id: settings.claims.staffId,
      role: settings.claims.role,
      regions: settings.claims.regions,
    };
    const problems = parsed.error.issues.map(
      (issue) => `${names[issue.path[0] as keyof typeof names] ?? String(issue.path[0])}: ${issue.message}`,
    );
    return { status: 'bad_claims', problems: [...new Set(problems)] };
  }
  return { status: 'accepted', staff: parsed.data };
}
