/**
 * What production refuses that development accepts. scripts/dev.env is public, so a secret with
 * its value is no secret; and an endpoint reached over plain http would carry credentials (the
 * Twilio token, the relay's login, session cookies) in clear. Checked by loadEnv and loadCodecEnv
 * when NODE_ENV is production; every problem names the variable, never the value.
 */

/**
 * The public values of scripts/dev.env that must never run a production process. Kept in step with
 * that file by test/unit/productionEnv.test.ts, which tries every secret line of it.
 */
export const DEVELOPMENT_VALUES: Readonly<Record<string, string>> = {
  LINK_SECRET: 'dev-link-secret-change-me-0123456789abcdef',
  SESSION_SECRET: 'dev-session-secret-change-me-0123456789abcdef',
  METRICS_TOKEN: 'dev-metrics-token-change-me-0123456789',
  TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
  TWILIO_AUTH_TOKEN: 'dev-twilio-auth-token',
};

/** The passwords of scripts/dev.env's STAFF_ACCOUNTS, whatever id they are given. */
export const DEVELOPMENT_PASSWORDS: ReadonlySet<string> = new Set([
  'helpline-dev-wachtwoord',
  'ops-dev-wachtwoord',
  'cm-lim-dev-wachtwoord',
  'coord-lim-dev-wachtwoord',
  'coord-gzm-dev-wachtwoord',
]);

/** Variables that must be https in production: what travels to or from them is a credential. */
const HTTPS_ONLY: Readonly<Record<string, string>> = {
  TWILIO_API_BASE_URL: 'the Twilio account token is sent to it',
  SMTP_SEARCH_URL: "the relay's login and partner message ids are sent to it",
  PUBLIC_BASE_URL: 'partners open signed links there and staff cookies are only Secure on https',
  CODEC_PUBLIC_URL: 'ops log in there and its cookie is only Secure on https',
  OIDC_ISSUER: 'the client secret and the ID tokens that sign staff in travel to and from it',
  OIDC_REDIRECT_URI: 'the login code comes back to it, and staff cookies are only Secure on https',
};

const ACCOUNT_LISTS = ['STAFF_ACCOUNTS'];

/** The problems of a production environment: one line per variable, naming it and never its value. */
export function productionProblems(source: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  for (const [name, devValue] of Object.entries(DEVELOPMENT_VALUES)) {
    if (source[name]?.trim() === devValue) {
      problems.push(`${name} is the public development value of scripts/dev.env; production needs its own`);
    }
  }
  for (const name of ACCOUNT_LISTS) {
    const ids = (source[name] ?? '')
      .split(',')
      .filter((pair) => DEVELOPMENT_PASSWORDS.has(pair.slice(pair.indexOf(':') + 1).trim()))
      .map((pair) => pair.slice(0, pair.indexOf(':')).trim());
    if (ids.length > 0) {
      problems.push(
        `${name}: ${ids.join(', ')} ${ids.length === 1 ? 'has' : 'have'} a public development password of scripts/dev.env; production needs its own`,
      );
    }
  }
  for (const [name, why] of Object.entries(HTTPS_ONLY)) {
    const value = source[name];
    if (value !== undefined && value !== '' && !value.trim().toLowerCase().startsWith('https://')) {
      problems.push(`${name} must be an https URL in production: ${why}`);
    }
  }
  return problems;
}
