import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { CSRF_HEADER, CSRF_HEADER_VALUE, routes, type Role } from "@wc/contracts";
import { createApp, type AuthOptions, type NotifyOptions } from "../src/app";
import { answerClientErrors } from "../src/platform/http/client-error";
import { createUser } from "../src/auth/users";
import { createKeyring, generateKey, type Keyring } from "../src/platform/crypto/crypto";
import { createLogger } from "../src/platform/logger";
import { openSqliteStore } from "../src/store/sqlite-store";
import { withCountCache } from "../src/store/count-cache";
import type { Store } from "../src/store/types";
import type { ActivityOptions } from "../src/activity/activity-deps";
import type { ActivitySync } from "../src/activity/activity-scheduler";
import type { TrustProxy } from "../src/platform/http/trust-proxy";

/** Everything the BFF said or sent during a test, for the secret-leak scans. */
export const transcript: string[] = [];

export interface Harness {
  url: string;
  store: Store;
  keyring: Keyring;
  /** The encryption key itself, for the leak scans. */
  encryptionKey: Buffer;
  logs: string[];
  /** Real time unless a test pins it (set back to null afterwards). */
  clock: { now: Date | null };
  /** The Express app itself, so a test can walk its routes. */
  app: ReturnType<typeof createApp>;
  /** The listening server, so a test can look at a response while it streams. */
  server: Server;
  /** Runs every due scheduled check once, as the background timer would. */
  runDueChecks: () => Promise<number>;
  /** The background activity sync (tests kick it and wait with whenIdle). */
  activity: ActivitySync;
  /** Signed in as the harness's admin. */
  client: Client;
  /** A browser with no session. */
  newClient(): Client;
  /** A new browser signed in as the harness's admin or support account. */
  signedIn(role?: Role): Promise<Client>;
  /** A script with a new API token of that role, created by the harness's admin; `token` is the secret. */
  withToken(role?: Role, opts?: { name?: string; expiresInDays?: number }): Promise<{ client: Client; token: string; id: string }>;
  close(): Promise<void>;
}

/** The real app on 127.0.0.1:0 with an in-memory store; PUBLIC_URL is the bound address. */
/** The accounts every harness starts with (the first admin and one support user). */
export const ACCOUNTS = {
  admin: { email: "admin@example.com", password: "correct-horse-battery", name: "Ada Admin" },
  support: { email: "support@example.com", password: "support-password-1", name: "Sam Support" },
} as const;

const YEAR_MS = 365 * 24 * 3_600_000;

export async function startBff(
  opts: {
    allowedWorkdayHosts?: string;
    outboundTimeoutMs?: number;
    degradedAfter?: number;
    healthIntervalMs?: number;
    /** Checks in flight at once in a round (HEALTH_CHECK_CONCURRENCY; the app's default otherwise). */
    healthConcurrency?: number;
    activity?: Partial<ActivityOptions>;
    startSyncAfterConsent?: boolean;
    auth?: Partial<AuthOptions>;
    noAccounts?: boolean;
    publicUrl?: string;
    store?: Store;
    /** With `store`: it is a fresh one (e.g. PostgreSQL), not a second replica's, so the test accounts are created in it. */
    freshStore?: boolean;
    owner?: string;
    encryptionKey?: Buffer;
    webDistDir?: string;
    trustProxy?: TrustProxy;
    metricsToken?: string;
    /** Off unless asked for: each app with them keeps an event-loop monitor running. */
    processMetrics?: boolean;
    notify?: Partial<NotifyOptions>;
    /** Hand-off requests per minute per link and per address; tests not about the limit raise it (every client is 127.0.0.1). */
    handoffPerMinute?: number;
    /** Requests per minute per API token (default 600). */
    apiTokenPerMinute?: number;
  } = {},
): Promise<Harness> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      const line = chunk.toString();
      logs.push(line);
      transcript.push(line);
      cb();
    },
  });
  // A shared store stands for a second replica on the same database.
  const store = opts.store ?? withCountCache(openSqliteStore(":memory:"), { ttlMs: 2000 });
  const clock: { now: Date | null } = { now: null };
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const encryptionKey = opts.encryptionKey ?? generateKey();
  const keyring = createKeyring(encryptionKey);
  const app = createApp({
    publicUrl: opts.publicUrl ?? url,
    allowedWorkdayHosts: opts.allowedWorkdayHosts ?? "",
    outboundTimeoutMs: opts.outboundTimeoutMs ?? 3000,
    store,
    keyring,
    log: createLogger("debug", sink),
    now: () => clock.now ?? new Date(),
    health: {
      degradedAfter: opts.degradedAfter ?? 3,
      backoffBaseMs: 1000,
      random: () => 0.5,
      ...(opts.healthIntervalMs ? { intervalMs: opts.healthIntervalMs } : {}),
      ...(opts.healthConcurrency ? { concurrency: opts.healthConcurrency } : {}),
    },
    // Tests move the clock by days; sessions outlive that unless a test is about their expiry.
    // Every test client signs in from 127.0.0.1: the per-address limit is tested on its own.
    auth: { idleMs: YEAR_MS, absoluteMs: YEAR_MS, maxPerAddress: 10_000, ...opts.auth },
    ...(opts.owner ? { owner: opts.owner } : {}),
    // Short waits so retries do not slow the suite; tests that need other values pass them.
    activity: { backoffBaseMs: 20, random: () => 0.5, ...opts.activity },
    startSyncAfterConsent: opts.startSyncAfterConsent ?? false,
    webDistDir: opts.webDistDir,
    ...(opts.trustProxy === undefined ? {} : { trustProxy: opts.trustProxy }),
    metricsToken: opts.metricsToken ?? null,
    processMetrics: opts.processMetrics ?? false,
    ...(opts.notify ? { notify: opts.notify } : {}),
    ...(opts.handoffPerMinute === undefined ? {} : { handoff: { perMinute: opts.handoffPerMinute } }),
    ...(opts.apiTokenPerMinute === undefined ? {} : { apiTokens: { perMinute: opts.apiTokenPerMinute } }),
  });
  server.on("request", app);
  answerClientErrors(server);
  const users = { store, now: () => clock.now ?? new Date() };
  if (!opts.noAccounts && (!opts.store || opts.freshStore))
    for (const role of ["admin", "support"] as const) await createUser(users, { ...ACCOUNTS[role], role });
  const newClient = () => new Client(url);
  const signedIn = async (role: Role = "admin") => {
    const c = newClient();
    const res = await c.post(routes.signIn, { email: ACCOUNTS[role].email, password: ACCOUNTS[role].password });
    if (res.status !== 200) throw new Error(`harness sign-in as ${role} failed: ${res.status} ${res.text}`);
    return c;
  };
  const client = opts.noAccounts ? newClient() : await signedIn("admin");
  let tokens = 0;
  const withToken = async (role: Role = "admin", o: { name?: string; expiresInDays?: number } = {}) => {
    const res = await client.post(routes.apiTokens, { name: o.name ?? `${role} script ${++tokens}`, role, expiresInDays: o.expiresInDays ?? 90 });
    if (res.status !== 201) throw new Error(`harness token for ${role} failed: ${res.status} ${res.text}`);
    const body = res.json<{ token: { id: string }; secret: string }>();
    return { client: new Client(url, body.secret), token: body.secret, id: body.token.id };
  };
  return {
    url,
    app,
    server,
    store,
    keyring,
    encryptionKey,
    logs,
    clock,
    runDueChecks: () => app.background.runDueChecks(),
    activity: app.background.activity,
    client,
    newClient,
    signedIn,
    withToken,
    async close() {
      await app.background.activity.stop();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      if (!opts.store) await store.close();
    },
  };
}

export interface Sent {
  status: number;
  headers: Headers;
  text: string;
  json: <T = unknown>() => T;
}

/**
 * A browser-like client: a cookie jar, our CSRF header on writes, and a transcript of every answer.
 * With `bearer`, a script's client instead: `Authorization: Bearer <token>`, no cookies, no CSRF header.
 */
export class Client {
  private cookies = new Map<string, string>();
  constructor(
    readonly base: string,
    readonly bearer: string | null = null,
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Sent> {
    const h: Record<string, string> = { ...headers };
    if (this.bearer !== null) h.authorization ??= `Bearer ${this.bearer}`;
    else {
      if (this.cookies.size > 0) h.cookie = this.cookieHeader();
      if (method !== "GET" && method !== "HEAD" && !(CSRF_HEADER in h)) h[CSRF_HEADER] = CSRF_HEADER_VALUE;
    }
    if (body !== undefined && !("content-type" in h)) h["content-type"] = "application/json";
    const res = await fetch(new URL(path, this.base), {
      method,
      headers: h,
      redirect: "manual",
      ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair?.indexOf("=") ?? -1;
      if (pair && eq > 0) this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const text = await res.text();
    // Only what the BFF sent back: the request line may legitimately carry a code we delivered.
    transcript.push(`${res.status} ${JSON.stringify([...res.headers])} ${text}`);
    return { status: res.status, headers: res.headers, text, json: <T>() => JSON.parse(text) as T };
  }

  get(path: string, headers?: Record<string, string>) {
    return this.send("GET", path, undefined, headers);
  }
  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.send("POST", path, body ?? {}, headers);
  }
  put(path: string, body: unknown, headers?: Record<string, string>) {
    return this.send("PUT", path, body, headers);
  }
  patch(path: string, body: unknown, headers?: Record<string, string>) {
    return this.send("PATCH", path, body, headers);
  }
  delete(path: string, headers?: Record<string, string>) {
    return this.send("DELETE", path, undefined, headers);
  }
}
