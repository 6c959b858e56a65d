// A real OpenID Provider (panva/oidc-provider) for the e2e run, in its own process so a spec can
// kill it to simulate an IdP outage. Config arrives as one JSON argument; "ready" is printed on stdout.
import Provider from "oidc-provider";

const config = JSON.parse(process.argv[2] ?? "{}");
const issuer = `http://127.0.0.1:${config.port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: config.clientId,
      client_secret: config.clientSecret,
      redirect_uris: [config.redirectUri],
      response_types: ["code"],
      grant_types: ["authorization_code"],
      token_endpoint_auth_method: "client_secret_post",
    },
  ],
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name"],
    groups: ["groups"],
  },
  // Put the granted claims (groups included) in the ID token, as many IdPs are configured to.
  conformIdTokenClaims: false,
  cookies: { keys: ["vigil-e2e-oidc-cookie-key"] },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  findAccount: (_ctx, id) => {
    const account = config.accounts[id];
    if (!account) return undefined;
    return {
      accountId: id,
      claims: () => ({ sub: id, email: account.email, email_verified: true, name: account.name, groups: account.groups }),
    };
  },
  // First-party client: grant what it asks for instead of showing a consent screen.
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope(ctx.oidc.params.scope);
    await grant.save();
    return grant;
  },
});
provider.proxy = false;

const server = provider.listen(config.port, "127.0.0.1", () => {
  process.stdout.write("ready\n");
});
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.close(() => process.exit(0)));
