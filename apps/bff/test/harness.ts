import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "@wc/contracts";
import { createApp } from "../src/app";
import { createKeyring, generateKey, type Keyring } from "../src/lib/crypto";
import { createLogger } from "../src/lib/logger";
import { openSqliteStore } from "../src/store/sqlite-store";
import type { Store } from "../src/store/types";
import type { ActivityOptions } from "../src/services/activity-deps";
import type { ActivitySync } from "../src/services/activity-scheduler";

/** Everything the BFF said or sent during a test, for the secret-leak scans. */
export const transcript: string[] = [];

export interface Harness {
  url: string;
  store: Store;
  keyring: Keyring;
  logs: string[];
  /** Real time unless a test pins it (set back to null afterwards). */
  clock: { now: Date | null };
  /** Runs every due scheduled check once, as the background timer would. */
  runDueChecks: () => Promise<number>;
  /** The background activity sync (tests kick it and wait with whenIdle). */
  activity: ActivitySync;
  client: Client;
  newClient(): Client;
  close(): Promise<void>;
}

/** The real app on 127.0.0.1:0 with an in-memory store; PUBLIC_URL is the bound address. */
export async function startBff(
  opts: {
    allowedWorkdayHosts?: string;
    outboundTimeoutMs?: number;
    degradedAfter?: number;
    activity?: Partial<ActivityOptions>;
    startSyncAfterConsent?: boolean;
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
  const store = openSqliteStore(":memory:");
  const clock: { now: Date | null } = { now: null };
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const keyring = createKeyring(generateKey());
  const app = createApp({
    publicUrl: url,
    allowedWorkdayHosts: opts.allowedWorkdayHosts ?? "",
    outboundTimeoutMs: opts.outboundTimeoutMs ?? 3000,
    store,
    keyring,
    log: createLogger("debug", sink),
    now: () => clock.now ?? new Date(),
    health: { degradedAfter: opts.degradedAfter ?? 3, backoffBaseMs: 1000, random: () => 0.5 },
    // Short waits so retries do not slow the suite; tests that need other values pass them.
    activity: { backoffBaseMs: 20, random: () => 0.5, ...opts.activity },
    startSyncAfterConsent: opts.startSyncAfterConsent ?? false,
  });
  server.on("request", app);
  const newClient = () => new Client(url);
  return {
    url,
    store,
    keyring,
    logs,
    clock,
    runDueChecks: () => app.background.runDueChecks(),
    activity: app.background.activity,
    client: newClient(),
    newClient,
    async close() {
      await app.background.activity.stop();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await store.close();
    },
  };
}

export interface Sent {
  status: number;
  headers: Headers;
  text: string;
  json: <T = unknown>() => T;
}

/** A browser-like client: a cookie jar, our CSRF header on writes, and a transcript of every answer. */
export class Client {
  private cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Sent> {
    const h: Record<string, string> = { ...headers };
    if (this.cookies.size > 0) h.cookie = this.cookieHeader();
    if (method !== "GET" && method !== "HEAD" && !(CSRF_HEADER in h)) h[CSRF_HEADER] = CSRF_HEADER_VALUE;
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
