/**
 * A real OpenID provider for the tests (oidc-provider), run as a child process by
 * testkit/oidcProvider.ts: `node testkit/oidcProviderProcess.mjs <port> <client json>`.
 *
 * Its login is a tiny form with one field, the test user's name, so a test answers it over HTTP
 * without a browser. Each test user signs in with the authentication methods (amr) and
 * role/region claims written below: one with a second factor, one without, and a few whose
 * claims the service must refuse. Consent is not asked: the client is the organisation's own.
 *
 * Plain JavaScript as an ES module: oidc-provider is ESM-only, and this file runs under node as
 * it is, outside Jest's CommonJS transform.
 */
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const [port, clientJson] = process.argv.slice(2);
const client = JSON.parse(clientJson);
const issuer = `http://127.0.0.1:${port}`;

/** The test users: the claims of their ID token, and how they signed in. */
const USERS = {
  // The helpline of Limburg, signed in with a password and a one-time code.
  'helpline-limburg': { amr: ['pwd', 'otp'], claims: { csg_rol: 'helpline', csg_regios: ['limburg'] } },
  // The same kind of account, but with a password only: no second factor.
  'helpline-zonder-2fa': { amr: ['pwd'], claims: { csg_rol: 'helpline', csg_regios: ['limburg'] } },
  // A second factor, but a role the service does not know.
  'onbekende-rol': { amr: ['pwd', 'hwk'], claims: { csg_rol: 'directeur', csg_regios: ['limburg'] } },
  // A second factor, but a region the service does not know.
  'onbekende-regio': { amr: ['pwd', 'otp'], claims: { csg_rol: 'casemanager', csg_regios: ['atlantis'] } },
  // Ops for every region, with a second factor: the codec's kind of account.
  'ops-landelijk': { amr: ['pwd', 'mfa'], claims: { csg_rol: 'ops', csg_regios: 'alle' } },
  // The id of a local account of the tests' intake (helpline there), with another role here.
  'helpline-017': { amr: ['pwd', 'otp'], claims: { csg_rol: 'coordinator', csg_regios: 'alle' } },
  // Ops with no amr at all, but an assurance level (acr) a region may accept instead.
  'ops-acr': { acr: 'urn:csg:loa:substantieel', claims: { csg_rol: 'ops', csg_regios: 'alle' } },
};

const CLAIMS = ['preferred_username', 'csg_rol', 'csg_regios'];

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  // How the user signed in (amr, acr) with the openid scope: in every ID token, as many providers do.
  claims: { openid: ['sub', 'amr', 'acr', 'auth_time'], profile: CLAIMS },
  // The claims go into the ID token itself: that is where the service reads them.
  conformIdTokenClaims: false,
  acrValues: ['urn:csg:loa:substantieel'],
  cookies: { keys: ['test-provider-cookie-key-0123456789'] },
  features: { devInteractions: { enabled: false } },
  pkce: { required: () => true },
  interactions: { url: (_ctx, interaction) => `/interactie/${interaction.uid}` },
  async findAccount(_ctx, sub) {
    const user = USERS[sub];
    if (!user) return undefined;
    return { accountId: sub, claims: async () => ({ sub, preferred_username: sub, ...user.claims }) };
  },
  // Every scope and claim granted at once: the organisation's own client asks no consent.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid profile');
    grant.addOIDCClaims(CLAIMS);
    await grant.save();
    return grant;
  },
});
provider.on('server_error', (_ctx, error) => process.stderr.write(`provider error: ${error}\n`));

const escape = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

const callback = provider.callback();
const server = createServer(async (req, res) => {
  const url = new URL(req.url, issuer);
  const match = /^\/interactie\/([^/]+)$/.exec(url.pathname);
  if (!match) return callback(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return res.end(
        `<!doctype html><title>Test login</title><form method="post" action="/interactie/${escape(details.uid)}">` +
          `<label for="gebruiker">Gebruiker</label><input id="gebruiker" name="gebruiker" autofocus>` +
          `<button>Inloggen</button></form>`,
      );
    }
    const name = (await readForm(req)).get('gebruiker') ?? '';
    const user = USERS[name];
    if (!user) {
      res.statusCode = 401;
      return res.end('unknown test user');
    }
    await provider.interactionFinished(
      req,
      res,
      {
        login: {
          accountId: name,
          ...(user.amr ? { amr: user.amr } : {}),
          ...(user.acr ? { acr: user.acr } : {}),
        },
      },
      { mergeWithLastSubmission: false },
    );
  } catch (error) {
    process.stderr.write(`interaction failed: ${error}\n`);
    res.statusCode = 400;
    res.end('interaction failed');
  }
});
server.listen(Number(port), '127.0.0.1', () => process.stdout.write(`oidc test provider at ${issuer}\n`));
