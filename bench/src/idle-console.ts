// The console as the list benches start it: compiled (or `--start=tsx`), its own process, on a
// store seeded beforehand, background work off so nothing changes under the measurement, and a
// signed-in admin's session cookie to ask with.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { consoleArgs, consoleStartOf, freePort, runNode, stop, waitForUrl } from "./processes";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const IDLE_ADMIN = { email: "bench@example.com", password: "bench-password-1" };

/** Starts it on `dataDir` (its store seeded already) and waits until it answers. */
export async function startIdleConsole(dataDir: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const bff = runNode(consoleArgs(consoleStartOf(process.argv)), path.join(ROOT, "apps/bff"), {
    NODE_ENV: "production",
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    PORT: String(port),
    PUBLIC_URL: origin,
    DATA_DIR: dataDir,
    ADMIN_EMAIL: IDLE_ADMIN.email,
    ADMIN_PASSWORD: IDLE_ADMIN.password,
    LOG_LEVEL: "warn",
    HEALTH_SCHEDULER_TICK_SECONDS: "0",
    ACTIVITY_SCHEDULER_TICK_SECONDS: "0",
    NOTIFY_TICK_SECONDS: "0",
    ...env,
  });
  try {
    await waitForUrl(`${origin}/api/health`, bff);
  } catch (e) {
    await stop(bff);
    throw e;
  }
  return { bff, origin };
}

/** Signs `admin` in at `origin` and gives the session cookie (`name=value`). */
export async function sessionCookie(origin: string, admin: { email: string; password: string }): Promise<string> {
  const signIn = await fetch(`${origin}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-csrf": "1" },
    body: JSON.stringify(admin),
  });
  if (!signIn.ok) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);
  return (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}
