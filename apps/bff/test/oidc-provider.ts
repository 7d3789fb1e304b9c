import { createHash, generateKeyPairSync, randomBytes, sign, timingSafeEqual, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A minimal, standards-conforming OpenID Connect provider for tests (node:http and node:crypto
 * only): discovery, JWKS, the authorization code flow with PKCE S256 (RFC 7636), client_secret_basic
 * at the token endpoint, RS256 ID tokens, and `iss` in the authorization response (RFC 9207).
 * Instead of a login page, /authorize signs in whoever the test put in `nextUser`.
 */

export interface OidcUser {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
  groups: string[];
}

/** Ways the provider can get the ID token wrong, one per test. */
export type Misbehaviour = "wrong-nonce" | "wrong-audience" | "expired" | "bad-signature";

interface PendingCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | null;
  user: OidcUser;
  expiresAt: number;
}

export interface OidcProvider {
  /** The issuer identifier: `http://127.0.0.1:<port>`, exactly as discovery and ID tokens say it. */
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The only redirect URI the client may use (set once the relying party's address is known). */
  redirectUri: string;
  /** Who "signs in" at the next /authorize; null answers login_required. */
  nextUser: OidcUser | null;
  /** The user cancels at the provider: /authorize answers error=access_denied. */
  deny: boolean;
  /** Every endpoint answers 503 (the provider is down but still listening). */
  unavailable: boolean;
  misbehave: Misbehaviour | null;
  /** Requests that reached /token, whatever the outcome. */
  readonly tokenRequests: number;
  /** Everything it handed out, for the leak scans. */
  readonly issued: { codes: string[]; accessTokens: string[]; idTokens: string[] };
  close(): Promise<void>;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString("base64url");
const token = () => randomBytes(32).toString("base64url");

const CODE_TTL_MS = 60_000;
const ID_TOKEN_TTL_S = 300;

/** RSA key generation is slow; every provider in a test process signs with the same two keys. */
let keys: { publicKey: KeyObject; privateKey: KeyObject; rogueKey: KeyObject } | undefined;
const signingKeys = () =>
  (keys ??= {
    ...generateKeyPairSync("rsa", { modulusLength: 2048 }),
    // Never published: a token signed with it must fail verification.
    rogueKey: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey,
  });

export async function startOidcProvider(opts: { clientId?: string; clientSecret?: string } = {}): Promise<OidcProvider> {
  const clientId = opts.clientId ?? "wc-console";
  const clientSecret = opts.clientSecret ?? `oidc-client-secret-${token()}`;
  const kid = `k-${randomBytes(6).toString("hex")}`;
  // The rogue key is signed for with the same kid, as a forger would.
  const { publicKey, privateKey, rogueKey } = signingKeys();
  const codes = new Map<string, PendingCode>();
  let tokenRequests = 0;
  const issued = { codes: [] as string[], accessTokens: [] as string[], idTokens: [] as string[] };

  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const state = {
    redirectUri: "",
    nextUser: null as OidcUser | null,
    deny: false,
    unavailable: false,
    misbehave: null as Misbehaviour | null,
  };

  const signJwt = (claims: Record<string, unknown>, key: KeyObject) => {
    const input = `${b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }))}.${b64url(JSON.stringify(claims))}`;
    return `${input}.${b64url(sign("sha256", Buffer.from(input), key))}`;
  };

  const idTokenFor = (c: PendingCode) => {
    const now = Math.floor(Date.now() / 1000);
    const m = state.misbehave;
    const iat = m === "expired" ? now - 3600 : now;
    const claims: Record<string, unknown> = {
      iss: url,
      sub: c.user.sub,
      aud: m === "wrong-audience" ? "some-other-client" : c.clientId,
      exp: iat + ID_TOKEN_TTL_S,
      iat,
      auth_time: iat,
      email: c.user.email,
      email_verified: c.user.email_verified,
      name: c.user.name,
      groups: c.user.groups,
    };
    if (c.nonce !== null) claims.nonce = m === "wrong-nonce" ? token() : c.nonce;
    return signJwt(claims, m === "bad-signature" ? rogueKey : privateKey);
  };

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...headers }).end(JSON.stringify(body));
  };

  const discovery = () => ({
    issuer: url,
    authorization_endpoint: `${url}/authorize`,
    token_endpoint: `${url}/token`,
    jwks_uri: `${url}/jwks`,
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: ["authorization_code"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    token_endpoint_auth_methods_supported: ["client_secret_basic"],
    code_challenge_methods_supported: ["S256"],
    scopes_supported: ["openid", "email", "profile"],
    claims_supported: ["sub", "iss", "aud", "exp", "iat", "nonce", "email", "email_verified", "name", "groups"],
    authorization_response_iss_parameter_supported: true,
  });

  const authorize = (q: URLSearchParams, res: ServerResponse) => {
    // An unknown client or redirect URI is never redirected to (RFC 6749 §4.1.2.1).
    if (q.get("client_id") !== clientId) return res.writeHead(400, { "content-type": "text/plain" }).end("unknown client_id");
    if (!state.redirectUri || q.get("redirect_uri") !== state.redirectUri) {
      return res.writeHead(400, { "content-type": "text/plain" }).end("redirect_uri is not registered for this client");
    }
    const back = new URL(state.redirectUri);
    const reply = (params: Record<string, string>) => {
      const st = q.get("state");
      for (const [k, v] of Object.entries(params)) back.searchParams.set(k, v);
      if (st !== null) back.searchParams.set("state", st);
      back.searchParams.set("iss", url);
      res.writeHead(302, { location: back.href, "cache-control": "no-store" }).end();
    };
    if (q.get("response_type") !== "code") return reply({ error: "unsupported_response_type" });
    if (!(q.get("scope") ?? "").split(" ").includes("openid")) return reply({ error: "invalid_scope", error_description: "openid is required" });
    const challenge = q.get("code_challenge");
    if (q.get("code_challenge_method") !== "S256" || !challenge || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
      return reply({ error: "invalid_request", error_description: "PKCE with S256 is required" });
    }
    if (state.deny) return reply({ error: "access_denied", error_description: "The user cancelled." });
    if (!state.nextUser) return reply({ error: "login_required" });
    const code = token();
    issued.codes.push(code);
    codes.set(code, {
      clientId,
      redirectUri: state.redirectUri,
      codeChallenge: challenge,
      nonce: q.get("nonce"),
      user: structuredClone(state.nextUser),
      expiresAt: Date.now() + CODE_TTL_MS,
    });
    reply({ code });
  };

  const clientAuthenticated = (req: IncomingMessage) => {
    const m = /^Basic ([A-Za-z0-9+/=]+)$/.exec(req.headers.authorization ?? "");
    if (!m?.[1]) return false;
    const decoded = Buffer.from(m[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return false;
    // RFC 6749 §2.3.1: both parts are form-urlencoded before base64.
    const unform = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));
    try {
      const id = unform(decoded.slice(0, colon));
      const secret = Buffer.from(unform(decoded.slice(colon + 1)));
      const expected = Buffer.from(clientSecret);
      return id === clientId && secret.length === expected.length && timingSafeEqual(secret, expected);
    } catch {
      return false;
    }
  };

  const tokenEndpoint = (req: IncomingMessage, body: string, res: ServerResponse) => {
    tokenRequests++;
    if (req.method !== "POST") return json(res, 405, { error: "invalid_request" }, { allow: "POST" });
    if (!(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) return json(res, 400, { error: "invalid_request" });
    if (!clientAuthenticated(req)) return json(res, 401, { error: "invalid_client" }, { "www-authenticate": 'Basic realm="token"' });
    const form = new URLSearchParams(body);
    if (form.get("grant_type") !== "authorization_code") return json(res, 400, { error: "unsupported_grant_type" });
    const code = form.get("code") ?? "";
    const pending = codes.get(code);
    // Single use: whatever happens next, this code is spent.
    codes.delete(code);
    if (!pending || pending.expiresAt < Date.now() || pending.clientId !== clientId) return json(res, 400, { error: "invalid_grant" });
    if (form.get("redirect_uri") !== pending.redirectUri) return json(res, 400, { error: "invalid_grant", error_description: "redirect_uri mismatch" });
    const verifier = form.get("code_verifier") ?? "";
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || createHash("sha256").update(verifier).digest("base64url") !== pending.codeChallenge) {
      return json(res, 400, { error: "invalid_grant", error_description: "PKCE verification failed" });
    }
    const accessToken = token();
    const idToken = idTokenFor(pending);
    issued.accessTokens.push(accessToken);
    issued.idTokens.push(idToken);
    json(res, 200, { access_token: accessToken, token_type: "Bearer", expires_in: 600, scope: "openid email profile", id_token: idToken });
  };

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const u = new URL(req.url ?? "/", url);
      if (state.unavailable) return json(res, 503, { error: "temporarily_unavailable" });
      if (req.method === "GET" && u.pathname === "/.well-known/openid-configuration") return json(res, 200, discovery());
      if (req.method === "GET" && u.pathname === "/jwks") {
        return json(res, 200, { keys: [{ ...publicKey.export({ format: "jwk" }), kid, use: "sig", alg: "RS256" }] });
      }
      if (req.method === "GET" && u.pathname === "/authorize") return authorize(u.searchParams, res);
      if (u.pathname === "/token") return tokenEndpoint(req, body, res);
      json(res, 404, { error: "not_found" });
    });
  });

  return {
    url,
    clientId,
    clientSecret,
    get redirectUri() {
      return state.redirectUri;
    },
    set redirectUri(v) {
      state.redirectUri = v;
    },
    get nextUser() {
      return state.nextUser;
    },
    set nextUser(v) {
      state.nextUser = v;
    },
    get deny() {
      return state.deny;
    },
    set deny(v) {
      state.deny = v;
    },
    get unavailable() {
      return state.unavailable;
    },
    set unavailable(v) {
      state.unavailable = v;
    },
    get misbehave() {
      return state.misbehave;
    },
    set misbehave(v) {
      state.misbehave = v;
    },
    get tokenRequests() {
      return tokenRequests;
    },
    issued,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
