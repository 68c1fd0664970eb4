/**
 * Login through the organisation's identity provider with OpenID Connect (web/kit/oidc.ts): off
 * unless OIDC_ISSUER is set; then the client's id, secret, redirect URI and the organisation's
 * name are needed too, and every problem is listed at start like any other setting.
 *
 * Roles and regions come from claims of the ID token (names configurable, defaults below); the
 * login needs a second factor: an `amr` value of OIDC_SECOND_FACTOR_AMR, or an `acr` value of
 * OIDC_ACCEPTED_ACR. The client secret is never echoed in a problem.
 */
import { z } from 'zod';
import { ConfigError } from './configError';

/** RFC 8176 methods that are a second factor next to a password (or stand for several). */
export const DEFAULT_SECOND_FACTOR_AMR = ['mfa', 'otp', 'hwk', 'swk', 'sms', 'sc'];

const list = z.string().transform((spec) =>
  spec
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean),
);

const claimName = (name: string, fallback: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_.:/-]{1,100}$/, `${name} must be a claim name, like ${fallback}`)
    .default(fallback);

export const oidcEnvSchema = z.object({
  /** The provider's issuer URL; its discovery document is at <issuer>/.well-known/openid-configuration. */
  OIDC_ISSUER: z
    .string()
    .url('OIDC_ISSUER must be the issuer URL, like https://login.example.org')
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  /** This service's callback as registered at the provider: <intake>/inloggen/oidc/terug. */
  OIDC_REDIRECT_URI: z
    .string()
    .url('OIDC_REDIRECT_URI must be a URL like https://meldingen.example.org/inloggen/oidc/terug')
    .optional(),
  /** The name on the login button: "Inloggen via <organisation>". */
  OIDC_ORGANISATION: z.string().max(80, 'OIDC_ORGANISATION must be at most 80 characters').optional(),
  OIDC_SCOPES: z.string().min(1).default('openid profile'),
  OIDC_CLAIM_STAFF_ID: claimName('OIDC_CLAIM_STAFF_ID', 'preferred_username'),
  OIDC_CLAIM_ROLE: claimName('OIDC_CLAIM_ROLE', 'csg_rol'),
  OIDC_CLAIM_REGIONS: claimName('OIDC_CLAIM_REGIONS', 'csg_regios'),
  OIDC_SECOND_FACTOR_AMR: list.default(DEFAULT_SECOND_FACTOR_AMR),
  OIDC_ACCEPTED_ACR: list.default([]),
});

export type OidcEnv = z.infer<typeof oidcEnvSchema>;

/** Everything the login needs, checked: web/kit/oidc.ts takes this. */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  organisation: string;
  scopes: string;
  claims: { staffId: string; role: string; regions: string };
  secondFactorAmr: readonly string[];
  acceptedAcr: readonly string[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The settings when OIDC_ISSUER is set, undefined when not; a ConfigError listing every missing or
 * bad value otherwise. `redirectUri` overrides OIDC_REDIRECT_URI (the codec server has its own).
 */
export function oidcSettings(env: OidcEnv, redirectUri?: string): OidcSettings | undefined {
  if (env.OIDC_ISSUER === undefined || env.OIDC_ISSUER === '') return undefined;
  const problems: string[] = [];
  const issuer = new URL(env.OIDC_ISSUER);
  // Plain http only for a provider on this machine (development, tests): tokens cross that line.
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname))) {
    problems.push('OIDC_ISSUER must be an https URL (plain http only for a provider on localhost)');
  }
  if (!env.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID must be set when OIDC_ISSUER is set');
  if (!env.OIDC_CLIENT_SECRET || env.OIDC_CLIENT_SECRET.length < 16) {
    problems.push('OIDC_CLIENT_SECRET must be set (16+ characters) when OIDC_ISSUER is set');
  }
  const redirect = redirectUri ?? env.OIDC_REDIRECT_URI;
  if (!redirect) problems.push('OIDC_REDIRECT_URI must be set when OIDC_ISSUER is set');
  if (!env.OIDC_ORGANISATION) {
    problems.push('OIDC_ORGANISATION must be set when OIDC_ISSUER is set (the name on the login button)');
  }
  if (!env.OIDC_SCOPES.split(/\s+/).includes('openid')) {
    problems.push('OIDC_SCOPES must include openid');
  }
  if (env.OIDC_SECOND_FACTOR_AMR.length === 0 && env.OIDC_ACCEPTED_ACR.length === 0) {
    problems.push(
      'OIDC_SECOND_FACTOR_AMR or OIDC_ACCEPTED_ACR must name at least one value: a login needs a second factor',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    issuer,
    clientId: env.OIDC_CLIENT_ID!,
    clientSecret: env.OIDC_CLIENT_SECRET!,
    redirectUri: redirect!,
    organisation: env.OIDC_ORGANISATION!,
    scopes: env.OIDC_SCOPES,
    claims: {
      staffId: env.OIDC_CLAIM_STAFF_ID,
      role: env.OIDC_CLAIM_ROLE,
      regions: env.OIDC_CLAIM_REGIONS,
    },
    secondFactorAmr: env.OIDC_SECOND_FACTOR_AMR,
    acceptedAcr: env.OIDC_ACCEPTED_ACR,
  };
}
