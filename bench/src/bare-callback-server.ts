// The consent-callback bench's floor (consent-callback.ts): the least any backend-for-frontend can
// do with Workday's redirect. Express in a process of its own, like the console, that takes the
// redirect, makes the same openid-client code exchange against the same simulator and answers
// 303. No session, no store, no secrets to open, no audit: what the extra hop and the exchange
// cost Node, Express and openid-client alone. The bench tells it each round's state and PKCE
// verifier beforehand (POST /prepare, not timed), as a real BFF would have stored them.
import express from "express";
import * as client from "openid-client";

const port = Number(process.env.PORT);
const server = {
  issuer: process.env.ISSUER ?? "",
  authorization_endpoint: process.env.AUTHORIZATION_ENDPOINT ?? "",
  token_endpoint: process.env.TOKEN_ENDPOINT ?? "",
};
const clientSecret = process.env.CLIENT_SECRET ?? "";
const config = new client.Configuration(server, process.env.CLIENT_ID ?? "", undefined, client.ClientSecretPost(clientSecret));
client.allowInsecureRequests(config);
const verifiers = new Map<string, string>();

const app = express();
app.post("/prepare", express.json(), (req, res) => {
  const { state, verifier } = req.body as { state: string; verifier: string };
  verifiers.set(state, verifier);
  res.status(204).end();
});
app.get("/cb", async (req, res) => {
  const state = typeof req.query.state === "string" ? req.query.state : "";
  const verifier = verifiers.get(state);
  verifiers.delete(state);
  if (verifier === undefined) {
    res.status(400).send("unknown state");
    return;
  }
  try {
    const tokens = await client.authorizationCodeGrant(config, new URL(req.originalUrl, `http://127.0.0.1:${port}`), {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    res.redirect(303, tokens.refresh_token ? "/done" : "/refused");
  } catch (e) {
    res.status(502).send(e instanceof Error ? e.message : String(e));
  }
});
app.get("/health", (_req, res) => {
  res.send("ok");
});
app.listen(port, "127.0.0.1");
