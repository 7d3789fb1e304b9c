import { describe, expect, it } from "vitest";
import { parseEnv } from "../src/platform/config/env";

describe("parseEnv", () => {
  it("when nothing is set, then the embedded defaults apply", () => {
    const e = parseEnv({});
    expect(e.port).toBe(3000);
    expect(e.publicUrl).toBe("http://localhost:3000");
    expect(e.workdaySimPort).toBe(4000);
    expect(e.databaseUrl).toMatch(/^file:.*data\/workday-connect\.db$/);
  });

  it("when PUBLIC_URL has a trailing slash, then it is dropped", () => {
    expect(parseEnv({ PUBLIC_URL: "https://connect.example.com/" }).publicUrl).toBe("https://connect.example.com");
  });

  it("when several values are wrong, then one error lists each of them", () => {
    expect(() => parseEnv({ PORT: "abc", PUBLIC_URL: "not a url", NODE_ENV: "staging" })).toThrow(/PORT[\s\S]*PUBLIC_URL[\s\S]*NODE_ENV|NODE_ENV[\s\S]*PORT/);
  });

  it("when a value is wrong and two settings also conflict, then one error lists both kinds at once", () => {
    const refused = () =>
      parseEnv({
        PORT: "abc",
        HEALTH_CHECK_CONCURRENCY: "0",
        SMTP_URL: "smtp://mail.example.com:587",
        ACTIVITY_RETENTION_DAYS: "3",
        ACTIVITY_BACKFILL_DAYS: "7",
        ADMIN_EMAIL: "admin@example.com",
      });
    expect(refused).toThrow(/PORT: /);
    expect(refused).toThrow(/HEALTH_CHECK_CONCURRENCY: /);
    expect(refused).toThrow(/NOTIFY_FROM: set NOTIFY_FROM/);
    expect(refused).toThrow(/ACTIVITY_RETENTION_DAYS: must be at least ACTIVITY_BACKFILL_DAYS/);
    expect(refused).toThrow(/ADMIN_EMAIL: set ADMIN_EMAIL and ADMIN_PASSWORD together/);
  });

  it("when a setting is wrong on its own, then the checks that compare it with another are not run on a guess", () => {
    let message = "";
    try {
      parseEnv({ METRICS_PORT: "not-a-port", METRICS_HOST: "::1" });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/METRICS_PORT: must be a port number/);
    expect(message).not.toMatch(/set METRICS_PORT too/);
    expect(message.split("\n").filter((l) => l.startsWith("  - "))).toHaveLength(1);
  });

  it("when PUBLIC_URL carries a query, then start-up is refused", () => {
    expect(() => parseEnv({ PUBLIC_URL: "https://x.example.com/?a=1" })).toThrow(/PUBLIC_URL/);
  });
});

describe("ENCRYPTION_KEYS_PREVIOUS", () => {
  const key = (b: number) => Buffer.alloc(32, b).toString("base64");

  it("when previous keys are listed, then each is decoded for decrypting old records", () => {
    const e = parseEnv({ ENCRYPTION_KEYS_PREVIOUS: `${key(1)}, ${key(2)}` });
    expect(e.previousEncryptionKeys.map((k) => k[0])).toEqual([1, 2]);
    expect(parseEnv({}).previousEncryptionKeys).toEqual([]);
  });

  it("when a previous key is not 32 bytes, then start-up is refused with the variable named", () => {
    expect(() => parseEnv({ ENCRYPTION_KEYS_PREVIOUS: "AAEC" })).toThrow(/ENCRYPTION_KEYS_PREVIOUS/);
  });
});

describe("LOST_ENCRYPTION_KEY_IDS", () => {
  it("when key ids are listed, then they are kept as given", () => {
    expect(parseEnv({ LOST_ENCRYPTION_KEY_IDS: "816fd00de432, 5428d333b6aa" }).lostEncryptionKeyIds).toEqual(["816fd00de432", "5428d333b6aa"]);
    expect(parseEnv({}).lostEncryptionKeyIds).toEqual([]);
  });

  it("when a key itself is pasted instead of its id, then start-up is refused saying what an id looks like", () => {
    expect(() => parseEnv({ LOST_ENCRYPTION_KEY_IDS: Buffer.alloc(32, 1).toString("base64") })).toThrow(/LOST_ENCRYPTION_KEY_IDS.*12 hex digits/);
  });
});

describe("ACTIVITY_*", () => {
  it("when nothing is set, then 7 days back, every 5 minutes, 2 minutes behind, 90 days kept (closed alerts 365), pages of 1000, two requests in flight", () => {
    expect(parseEnv({}).activity).toEqual({
      defaults: { backfillDays: 7, pollIntervalMinutes: 5, lagMinutes: 2, retentionDays: 90 },
      pageSize: 1000,
      offsetCeiling: 10_000,
      requestsInFlight: 2,
      tickMs: 10_000,
      leaseMs: 30_000,
      alertRetentionDays: 365,
    });
    expect(parseEnv({ ACTIVITY_REQUESTS_IN_FLIGHT: "1" }).activity.requestsInFlight).toBe(1);
  });

  it("when the page size passes Workday's 1000 or retention is shorter than the backfill, then start-up is refused naming them", () => {
    expect(() => parseEnv({ ACTIVITY_PAGE_SIZE: "5000" })).toThrow(/ACTIVITY_PAGE_SIZE/);
    expect(() => parseEnv({ ACTIVITY_REQUESTS_IN_FLIGHT: "3" })).toThrow(/ACTIVITY_REQUESTS_IN_FLIGHT/);
    expect(() => parseEnv({ ACTIVITY_BACKFILL_DAYS: "30", ACTIVITY_RETENTION_DAYS: "14" })).toThrow(/ACTIVITY_RETENTION_DAYS/);
  });

  it("when closed alerts would be kept for less time than the activity they stand for, then start-up is refused; by default a year", () => {
    expect(parseEnv({}).activity.alertRetentionDays).toBe(365);
    expect(parseEnv({ ALERT_RETENTION_DAYS: "90" }).activity.alertRetentionDays).toBe(90);
    expect(() => parseEnv({ ALERT_RETENTION_DAYS: "30" })).toThrow(/ALERT_RETENTION_DAYS: must be at least ACTIVITY_RETENTION_DAYS/);
    expect(() => parseEnv({ ALERT_RETENTION_DAYS: "0" })).toThrow(/ALERT_RETENTION_DAYS/);
  });

  it("when the delivery log's retention is set, then whole days from 1 to 3650 are taken; by default 30", () => {
    expect(parseEnv({}).notify.retentionDays).toBe(30);
    expect(parseEnv({ NOTIFY_RETENTION_DAYS: "7" }).notify.retentionDays).toBe(7);
    for (const bad of ["0", "1.5", "3651", "a week"]) expect(() => parseEnv({ NOTIFY_RETENTION_DAYS: bad }), bad).toThrow(/NOTIFY_RETENTION_DAYS/);
  });

  it("when the scheduler tick is a fraction or 0, then it is accepted (0 = no background sync)", () => {
    expect(parseEnv({ ACTIVITY_SCHEDULER_TICK_SECONDS: "0.2" }).activity.tickMs).toBe(200);
    expect(parseEnv({ ACTIVITY_SCHEDULER_TICK_SECONDS: "0" }).activity.tickMs).toBe(0);
  });

  it("when TRUST_PROXY is unset, a hop count, or a list of proxies, then it is parsed for Express; 'true' and junk are refused naming it", () => {
    expect(parseEnv({}).trustProxy).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "loopback, 10.0.0.0/8, fd00::/8, 192.0.2.7" }).trustProxy).toEqual(["loopback", "10.0.0.0/8", "fd00::/8", "192.0.2.7"]);
    expect(() => parseEnv({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY: must not trust every address/);
    expect(() => parseEnv({ TRUST_PROXY: "11" })).toThrow(/TRUST_PROXY: must be a number of proxy hops from 1 to 10/);
    expect(() => parseEnv({ TRUST_PROXY: "10.0.0.0/33,lb.internal" })).toThrow(/TRUST_PROXY: is not an IP address.*"10.0.0.0\/33", "lb.internal"/);
  });
});

describe("METRICS_*", () => {
  const token = "0123456789abcdef0123456789abcdef0123456789abcdef";

  it("when nothing is set, then metrics have no listener of their own and /metrics on the main port is off", () => {
    expect(parseEnv({}).metrics).toEqual({ port: null, host: "127.0.0.1", token: null });
  });

  it("when the values are empty, as in a compose file's METRICS_PORT=, then they count as unset (not port 0)", () => {
    expect(parseEnv({ METRICS_PORT: "", METRICS_HOST: "", METRICS_TOKEN: "" }).metrics).toEqual({ port: null, host: "127.0.0.1", token: null });
  });

  it("when a port, a host and a token are set, then each is taken", () => {
    expect(parseEnv({ METRICS_PORT: "9464", METRICS_HOST: "::1", METRICS_TOKEN: token }).metrics).toEqual({ port: 9464, host: "::1", token });
  });

  it("when METRICS_PORT is not a port or is the main port, then start-up is refused naming it", () => {
    expect(() => parseEnv({ METRICS_PORT: "abc" })).toThrow(/METRICS_PORT: must be a port number/);
    expect(() => parseEnv({ METRICS_PORT: "70000" })).toThrow(/METRICS_PORT: must be 0–65535/);
    expect(() => parseEnv({ PORT: "8080", METRICS_PORT: "8080" })).toThrow(/METRICS_PORT: must differ from PORT/);
  });

  it("when METRICS_HOST is a name or comes without METRICS_PORT, then start-up is refused saying what to set", () => {
    expect(() => parseEnv({ METRICS_PORT: "9464", METRICS_HOST: "metrics.example.com" })).toThrow(/METRICS_HOST: must be an IP address/);
    expect(() => parseEnv({ METRICS_HOST: "0.0.0.0" })).toThrow(/METRICS_HOST: only applies with METRICS_PORT/);
  });

  it("when METRICS_TOKEN is short or has characters a bearer token cannot hold, then start-up is refused without repeating it", () => {
    for (const bad of ["short-token", `${token} space`, `${token}"`]) {
      let message = "";
      try {
        parseEnv({ METRICS_TOKEN: bad });
      } catch (e) {
        message = e instanceof Error ? e.message : String(e);
      }
      expect(message).toMatch(/METRICS_TOKEN: must be at least 32 characters/);
      expect(message).not.toContain(bad);
    }
  });

  it("when a notification setting is wrong, then start-up is refused naming that variable, never the SMTP password", () => {
    expect(() => parseEnv({ NOTIFY_ALLOWED_HOSTS: "hooks.example.com/path" })).toThrow(/NOTIFY_ALLOWED_HOSTS entry "hooks.example.com\/path" is not valid/);
    expect(() => parseEnv({ SMTP_URL: "smtps://u:hunter2-secret@mail.example.com:465" })).toThrow(/NOTIFY_FROM/);
    let message = "";
    try {
      parseEnv({ SMTP_URL: "ftp://u:hunter2-secret@mail.example.com" });
    } catch (e) {
      message = String(e);
    }
    expect(message).toMatch(/smtp:\/\/ or smtps:\/\//);
    expect(message).not.toContain("hunter2");
    expect(parseEnv({ SMTP_URL: "smtp://mail.example.com:25", NOTIFY_FROM: "wc@example.com" }).notify.smtp).toEqual({
      url: "smtp://mail.example.com:25",
      from: "wc@example.com",
    });
  });
});

describe("HEALTH_CHECK_CONCURRENCY", () => {
  it("when it is unset, then a round runs 16 checks at once", () => {
    expect(parseEnv({}).healthConcurrency).toBe(16);
  });

  it("when it is a whole number from 1 to 256, then it is taken", () => {
    expect(parseEnv({ HEALTH_CHECK_CONCURRENCY: "4" }).healthConcurrency).toBe(4);
  });

  it("when it is 0, a fraction, too large or not a number, then start-up is refused naming it", () => {
    for (const v of ["0", "2.5", "1000", "many"]) expect(() => parseEnv({ HEALTH_CHECK_CONCURRENCY: v })).toThrow(/HEALTH_CHECK_CONCURRENCY/);
  });
});
