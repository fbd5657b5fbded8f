// A small OpenID Connect provider for the tests of the OIDC sign-in (C12).
//
// It stands in for the broker in front of NemLog-in / MitID Erhverv: the npm package
// `oidc-provider` (the certified implementation), one confidential client, the
// authorisation code flow with PKCE required, RS256 ID tokens signed with a key made at
// start-up, and RP-initiated logout. Its sign-in page is a plain form: the login name typed
// is the subject; ticking "strong" signs in at NSIS level Substantial with amr ["pwd",
// "otp"], as MitID Erhverv with a second factor would.
//
//   node provider.mjs   with the environment:
//     OIDC_TEST_PORT           port on 127.0.0.1 (required)
//     OIDC_TEST_CLIENT_ID      the client's id (default "indsats")
//     OIDC_TEST_CLIENT_SECRET  its secret (default "indsats-secret")
//     OIDC_TEST_REDIRECT_URIS  comma-separated redirect URIs (required)
//     OIDC_TEST_POST_LOGOUT_REDIRECT_URIS  comma-separated, optional
//
// It prints "ready <issuer>" on stdout when it listens. Nothing is stored: accounts,
// sessions and keys live in memory and die with the process.
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';

import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_TEST_PORT);
if (!port) {
  console.error('OIDC_TEST_PORT must be set');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;
const clientId = process.env.OIDC_TEST_CLIENT_ID || 'indsats';
const clientSecret = process.env.OIDC_TEST_CLIENT_SECRET || 'indsats-secret';
const list = (value) => (value || '').split(',').map((item) => item.trim()).filter(Boolean);
const redirectUris = list(process.env.OIDC_TEST_REDIRECT_URIS);
const postLogoutRedirectUris = list(process.env.OIDC_TEST_POST_LOGOUT_REDIRECT_URIS);

const SUBSTANTIAL = 'https://data.gov.dk/concept/core/nsis/loa/Substantial';
const LOW = 'https://data.gov.dk/concept/core/nsis/loa/Low';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title, body) => `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8">
<title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: redirectUris,
      post_logout_redirect_uris: postLogoutRedirectUris,
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
      id_token_signed_response_alg: 'RS256',
      // The level reached goes in every ID token's acr, as NemLog-in's broker does.
      default_acr_values: [SUBSTANTIAL, LOW],
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: ['indsats-test-provider-cookie-key'] },
  pkce: { required: () => true },
  acrValues: [LOW, SUBSTANTIAL],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  // Put the scopes' claims in the ID token too, as brokers for NemLog-in do.
  conformIdTokenClaims: false,
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, name: `Test ${id}`, email: `${id}@idp.test`, email_verified: true };
      },
    };
  },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        ctx.body = page('Log ud hos testudbyderen', `${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Ja, log mig ud</button>`);
      },
      async postLogoutSuccessSource(ctx) {
        ctx.body = page('Du er logget ud hos testudbyderen', '');
      },
    },
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  // One first-party client: consent is given once the user has signed in.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  ttl: { IdToken: 3600, AccessToken: 3600, AuthorizationCode: 60, Session: 3600, Interaction: 600, Grant: 3600 },
  renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Fejl hos testudbyderen', `<pre>${escape(JSON.stringify(out))}</pre>`);
  },
});

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  if (details.prompt.name !== 'login') {
    // Consent is given by loadExistingGrant; any other prompt is not expected here.
    res.writeHead(501).end(`prompt ${details.prompt.name} not implemented`);
    return;
  }
  if (req.method === 'POST' && action === 'login') {
    const form = await readForm(req);
    const login = (form.get('login') || '').trim();
    if (!login) {
      res.writeHead(400).end('login required');
      return;
    }
    const strong = form.get('strong') === 'yes';
    await provider.interactionFinished(req, res, {
      login: { accountId: login, acr: strong ? SUBSTANTIAL : LOW, amr: strong ? ['pwd', 'otp'] : ['pwd'] },
    }, { mergeWithLastSubmission: false });
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(page('Log ind hos testudbyderen', `
<form method="post" action="/interaction/${escape(uid)}/login">
  <label for="login">Brugernavn</label> <input id="login" name="login" autofocus>
  <label><input type="checkbox" name="strong" value="yes"> Med to faktorer</label>
  <button type="submit">Log ind</button>
</form>`));
}

const callback = provider.callback();
const server = createServer((req, res) => {
  const match = /^\/interaction\/([^/?]+)(?:\/(login))?(?:\?.*)?$/.exec(req.url);
  if (!match) {
    callback(req, res);
    return;
  }
  interaction(req, res, match[1], match[2]).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500);
    res.end(String(error.message || error));
  });
});
server.listen(port, '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
