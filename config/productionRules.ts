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

/** The development account file scripts/dev.env points at: its hashes and TOTP secrets are public. */
export const DEVELOPMENT_ACCOUNT_FILE = 'dev-accounts.json';

/** Variables that must be https in production: what travels to or from them is a credential. */
const HTTPS_ONLY: Readonly<Record<string, string>> = {
  TWILIO_API_BASE_URL: 'the Twilio account token is sent to it',
  SMTP_SEARCH_URL: "the relay's login and partner message ids are sent to it",
  PUBLIC_BASE_URL: 'partners open signed links there and staff cookies are only Secure on https',
  CODEC_PUBLIC_URL: 'ops log in there and its cookie is only Secure on https',
  OIDC_ISSUER: 'the client secret and the ID tokens that sign staff in travel to and from it',
  OIDC_REDIRECT_URI: 'the login code comes back to it, and staff cookies are only Secure on https',
};

/** The problems of a production environment: one line per variable, naming it and never its value. */
export function productionProblems(source: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  for (const [name, devValue] of Object.entries(DEVELOPMENT_VALUES)) {
    if (source[name]?.trim() === devValue) {
      problems.push(`${name} is the public development value of scripts/dev.env; production needs its own`);
    }
  }
  const accountFile = source.STAFF_ACCOUNTS_FILE?.trim() ?? '';
  if (accountFile === DEVELOPMENT_ACCOUNT_FILE || accountFile.endsWith(`/${DEVELOPMENT_ACCOUNT_FILE}`)) {
    problems.push(
      `STAFF_ACCOUNTS_FILE is the public development account file of scripts/dev.env; production needs its own`,
    );
  }
  for (const [name, why] of Object.entries(HTTPS_ONLY)) {
    const value = source[name];
    if (value !== undefined && value !== '' && !value.trim().toLowerCase().startsWith('https://')) {
      problems.push(`${name} must be an https URL in production: ${why}`);
    }
  }
  return problems;
}

/**
 * The TOTP secrets and password hashes of scripts/dev-accounts.json, public like everything there
 * (the passwords are in docs/development.md): an account file copied from it, or an entry pasted
 * from it, would let anyone who read the repository log in. Kept in step with that file by
 * test/unit/productionEnv.test.ts.
 */
export const DEVELOPMENT_TOTP_SECRETS: ReadonlySet<string> = new Set([
  '6IBAMFDQY6BX7JMFFD7M6TDHYIRXDNMY',
  'L7SOVUOM3SOUSTXZBVKZWIJKPOIEIINU',
  'OZQQ3M2AMO625B7T5K5UORWDZCVUJDXQ',
  '6AQ4SJ5QRD7BHIEJ57DNNMY5PNB5DHHK',
  'VFCLGPNYLH2RTC7JXVX5DNL5FO4QRAO2',
  '4ONWVIVVL5GU77N32FQJFF2BQA52247U',
  'FFD2YJGRCX4TW2AEZDQYB6AWRRUUK74V',
]);
export const DEVELOPMENT_PASSWORD_HASHES: ReadonlySet<string> = new Set([
  '$argon2id$v=19$m=65536,p=4,t=3$Vm4kuaetC4KJLdRoCeUr1w$/fWRs02NineP1AOdMhUGlPdt+i/5+kEytXO17YWfgcU',
  '$argon2id$v=19$m=65536,p=4,t=3$2bb1L6/s7RQ4MupWa8TovQ$FcEYmWwC8vobxhhH13JGrC2O4+qneXIppOCJgXj24WU',
  '$argon2id$v=19$m=65536,p=4,t=3$L+0UHRTDBpTSSVyAOKV+AQ$bwh0JvjmtH4ni1TkunTupEiVIpzdKhdzMQHtVGJdr/A',
  '$argon2id$v=19$m=65536,p=4,t=3$4qmuELvVd6vmKqUr8mYqLA$RMnsX+VT9WqtWullXM96+Hiwe7JVlGATANq1DY30fYI',
  '$argon2id$v=19$m=65536,p=4,t=3$XOW4xNs7q2L4e6eV9rO7WA$uYbkXT64NF1UNKvrCMXs88GIGvEmKIX0U9LfTg8ttQo',
  '$argon2id$v=19$m=65536,p=4,t=3$r8XHUCB9eFaEL2QUUQgJEg$8mRFy6Z/L0gAlLQv9WX7oJrZfrEDLF9AZ1txOM65dzA',
  '$argon2id$v=19$m=65536,p=4,t=3$jv+bJ0dJe+6/NgmnOGAyVw$nIwgiFOOwSg48KU683Iz7fsLJffu5WgAC3nTIWnaOQM',
]);

/** The accounts of a production account file that carry a public development secret, by id. */
export function developmentAccountProblems(
  accounts: ReadonlyArray<{ id: string; totpSecret: string; passwordHash: string }>,
): string[] {
  const ids = accounts
    .filter(
      (account) =>
        DEVELOPMENT_TOTP_SECRETS.has(account.totpSecret) ||
        DEVELOPMENT_PASSWORD_HASHES.has(account.passwordHash),
    )
    .map((account) => account.id);
  return ids.length === 0
    ? []
    : [
        `STAFF_ACCOUNTS_FILE: ${ids.join(', ')} ${ids.length === 1 ? 'has' : 'have'} a public development secret of scripts/dev-accounts.json; production needs its own`,
      ];
}
