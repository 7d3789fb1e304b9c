import { API_TOKEN_PATTERN, API_TOKEN_PREFIX } from "@wc/contracts";
import { ENV, type CliEnv } from "./config/env";
import { CliError } from "./errors";

/** Where the console is and the API token to show it. */
export interface Connection {
  /** The console's address, without credentials, query or fragment; routes are added to its path. */
  baseUrl: URL;
  token: string;
}

export interface ConnectionFlags {
  url?: string | undefined;
  token?: string | undefined;
}

const setUrl = `set ${ENV.url} (or pass --url), e.g. ${ENV.url}=https://console.example.com`;
const setToken = `set ${ENV.token} (or pass --token, which other users can see in the process list) to an API token from the console's API tokens page`;

/**
 * The console address and token, from the flags or else the environment. Checked before anything is
 * sent, so a typo is named here rather than surfacing as a network error; the token is never quoted.
 */
export function resolveConnection(flags: ConnectionFlags, env: CliEnv): Connection {
  const rawUrl = flags.url ?? env.url;
  const rawToken = flags.token ?? env.token;
  const urlFrom = flags.url !== undefined ? "--url" : ENV.url;
  const tokenFrom = flags.token !== undefined ? "--token" : ENV.token;
  const missing: string[] = [];
  if (rawUrl === undefined || rawUrl.trim() === "") missing.push(`No console address: ${setUrl}.`);
  if (rawToken === undefined || rawToken.trim() === "") missing.push(`No API token: ${setToken}.`);
  if (missing.length > 0 || rawUrl === undefined || rawToken === undefined) throw new CliError(missing.join("\n"));
  return { baseUrl: parseBaseUrl(rawUrl.trim(), urlFrom), token: checkToken(rawToken.trim(), tokenFrom) };
}

function parseBaseUrl(raw: string, from: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CliError(`${from} is not a web address: give the console's address, e.g. https://console.example.com.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new CliError(`${from} must start with https:// (or http://), e.g. https://console.example.com.`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new CliError(`${from} must not carry a user name or password: the API token is the only credential, in ${ENV.token}.`);
  }
  if (url.search !== "" || url.hash !== "") {
    throw new CliError(`${from} must be the console's address alone, without ? or #, e.g. https://console.example.com.`);
  }
  return url;
}

function checkToken(token: string, from: string): string {
  if (!API_TOKEN_PATTERN.test(token)) {
    throw new CliError(
      `${from} does not hold an API token: tokens start with ${API_TOKEN_PREFIX} followed by 43 letters, digits, - or _. Copy it again from the console's API tokens page (it is shown once, when created).`,
    );
  }
  return token;
}

/** The address to name in messages: the base URL as given, never anything secret (it cannot hold any). */
export function describeBase(base: URL): string {
  return base.href.replace(/\/$/, "");
}

/** A console route (`/api/…`) under the base URL, keeping any path prefix a reverse proxy adds. */
export function routeUrl(base: URL, route: string, query?: Record<string, string | undefined>): URL {
  const url = new URL(base.href);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}${route}`;
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, value);
  return url;
}
