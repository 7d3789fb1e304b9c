import { readEnv } from "./config/env";
import { startSimulator } from "./start-simulator";

const parsed = readEnv();
if (!parsed.ok) {
  console.error(`workday-sim: invalid environment:\n  - ${parsed.problems.join("\n  - ")}`);
  process.exit(1);
}
const { env } = parsed;

const running = await startSimulator({
  port: env.WORKDAY_SIM_PORT,
  ...(env.WORKDAY_SIM_SEED === undefined ? {} : { seed: env.WORKDAY_SIM_SEED }),
  activity: { events: env.WORKDAY_SIM_EVENTS ?? 2000, days: env.WORKDAY_SIM_DAYS ?? 8 },
}).catch((error: unknown) => {
  console.error(`workday-sim: could not listen on port ${env.WORKDAY_SIM_PORT}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const { uiBaseUrl, servicesBaseUrl } = running.sim.state.options;
console.log(`workday-sim listening
  admin pages      ${uiBaseUrl}/_sim/
  sign-in host     ${uiBaseUrl}/<tenant>/authorize
  services host    ${servicesBaseUrl}/ccx/oauth2/<tenant>/token   ${servicesBaseUrl}/ccx/api/…
  control API      ${servicesBaseUrl}/_sim/api/
  tenants          ${[...running.sim.state.tenants.values()].map((t) => `${t.name} (${t.kind})`).join(", ")}
  sign in as       admin / Workday-admin-1   or   isu_wdconnect / Workday-isu-1`);

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`workday-sim: ${signal}, stopping`);
  // Give in-flight requests a moment, then leave regardless.
  setTimeout(() => process.exit(0), 3000).unref();
  void running.close().then(() => process.exit(0));
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
