/**
 * A real OpenID provider for the tests (testkit/oidcProviderProcess.mjs, oidc-provider) as a child
 * process on a free port, the settings a service needs to use it, and a test user's sign-in at
 * it over plain HTTP: from the authorization URL the service sent the browser to, through the
 * provider's login form, to the callback URL (with code and state) the browser would be sent back to.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { OidcSettings } from '../config/oidcEnv';
import { DEFAULT_SECOND_FACTOR_AMR } from '../config/oidcEnv';
import { freePort, waitForPort } from './processes';
import { projectRoot } from './tools';

export const TEST_OIDC_CLIENT = { clientId: 'csg-test', clientSecret: 'test-oidc-client-secret-0123456789' };

/** The test users of testkit/oidcProviderProcess.mjs, by what their login is like. */
export const TEST_OIDC_USERS = {
  /** helpline@limburg, password and one-time code. */
  withSecondFactor: 'helpline-limburg',
  /** helpline@limburg, password only. */
  withoutSecondFactor: 'helpline-zonder-2fa',
  /** A second factor, role "directeur". */
  unknownRole: 'onbekende-rol',
  /** A second factor, region "atlantis". */
  unknownRegion: 'onbekende-regio',
  /** ops@alle, password and mfa. */
  ops: 'ops-landelijk',
  /** coordinator@alle with a second factor, under the id of a local account of TEST_CONFIG. */
  localAccountId: 'helpline-017',
  /** ops@alle, no amr but the acr urn:csg:loa:substantieel. */
  opsWithAcr: 'ops-acr',
} as const;

export interface TestOidcProvider {
  issuer: string;
  output: string[];
  /** Settings for a service whose callback is `redirectUri`, as config/oidcEnv.ts would make them. */
  settings(redirectUri: string, overrides?: Partial<OidcSettings>): OidcSettings;
  stop(): Promise<void>;
}

export async function startOidcProvider(redirectUris: string[]): Promise<TestOidcProvider> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(
    process.execPath,
    [
      join(projectRoot, 'testkit/oidcProviderProcess.mjs'),
      String(port),
      JSON.stringify({ ...TEST_OIDC_CLIENT, redirectUris }),
    ],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.on('data', (d) => output.push(String(d)));
  child.stderr.on('data', (d) => output.push(String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForPort(port, 30_000);
  } catch (error) {
    child.kill();
    throw new Error(`test OpenID provider did not start: ${output.join('')}`, { cause: error });
  }
  const issuer = `http://127.0.0.1:${port}`;
  return {
    issuer,
    output,
    settings: (redirectUri, overrides = {}) => ({
      issuer: new URL(issuer),
      ...TEST_OIDC_CLIENT,
      redirectUri,
      organisation: 'Testorganisatie',
      scopes: 'openid profile',
      claims: { staffId: 'preferred_username', role: 'csg_rol', regions: 'csg_regios' },
      secondFactorAmr: DEFAULT_SECOND_FACTOR_AMR,
      acceptedAcr: [],
      ...overrides,
    }),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Cookies of one site, as a browser keeps them (path and expiry aside: one short test each). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(setCookies: readonly string[]): void {
    for (const line of setCookies) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const gone = /;\s*max-age=0/i.test(line) || /;\s*expires=Thu, 01 Jan 1970/i.test(line) || value === '';
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Follows the provider's redirects from `authorizationUrl`, answers its login form as `user`, and
 * returns where the provider sends the browser back to (the service's callback with code and state).
 */
export async function signInAtProvider(authorizationUrl: string, user: string): Promise<URL> {
  const provider = new URL(authorizationUrl).origin;
  const jar = new CookieJar();
  let url = authorizationUrl;
  let form: string | undefined;
  for (let step = 0; step < 10; step++) {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: form } : {}),
    });
    jar.take(response.headers.getSetCookie());
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, url);
      if (next.origin !== provider) return next;
      url = next.href;
      form = undefined;
      continue;
    }
    if (response.status === 200 && form === undefined && new URL(url).pathname.startsWith('/interactie/')) {
      form = new URLSearchParams({ gebruiker: user }).toString();
      continue;
    }
    throw new Error(`test provider answered ${response.status} at ${url}: ${await response.text()}`);
  }
  throw new Error('test provider: too many redirects');
}
