// A certified OpenID provider (npm oidc-provider) for tertial's browser journey: `node oidc-provider.mjs <port>
// <tertial base URL>`. One client, tertial, with a secret; PKCE; the provider's own sign-in form (any password) and
// consent page; RP-initiated logout. The accounts and their claims (roles, groups) are below. Prints "ready <issuer>"
// when it listens.
import Provider from "oidc-provider";

const [port, tertial] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const accounts = {
  anna: { name: "Anna Andersson", preferred_username: "anna@region.test", email: "anna@region.test",
    email_verified: true, roles: ["controller"], groups: ["tertial-enhet-FS-MED", "alla-medarbetare"] },
  erik: { name: "Erik Ek", preferred_username: "erik@region.test", email: "erik@region.test",
    email_verified: true, roles: ["finance"], groups: [] },
  gustav: { name: "Gustav Gäst", preferred_username: "gustav@region.test", roles: [], groups: [] },
};

const provider = new Provider(issuer, {
  clients: [{
    client_id: "tertial",
    client_secret: "tertials-hemlighet-hos-leverantoren",
    redirect_uris: [`${tertial}/logga-in/oidc`],
    post_logout_redirect_uris: [`${tertial}/logga-in`],
    response_types: ["code"],
    grant_types: ["authorization_code"],
    token_endpoint_auth_method: "client_secret_basic",
  }],
  pkce: { required: () => true },
  conformIdTokenClaims: false,
  claims: {
    openid: ["sub"],
    profile: ["name", "preferred_username", "roles", "groups"],
    email: ["email", "email_verified"],
  },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  cookies: { keys: ["en-nyckel-for-testets-kakor"] },
  async findAccount(ctx, sub) {
    const claims = accounts[sub];
    if (!claims) return undefined;
    return { accountId: sub, async claims() { return { sub, ...claims }; } };
  },
});
provider.proxy = false;
const server = provider.listen(Number(port), "127.0.0.1", () => console.log(`ready ${issuer}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
