/** How the simulated Workday behaves. Everything docs/workday.md marks unknown (U) is a knob here. */
export interface SimOptions {
  /** Base of the sign-in host (authorize, consent, admin pages). Workday: e.g. https://impl.workday.com */
  uiBaseUrl: string;
  /** Base of the services host (token endpoint, REST APIs). Workday: e.g. https://wd2-impl-services1.workday.com */
  servicesBaseUrl: string;
  accessTokenTtlSeconds: number;
  authCodeTtlSeconds: number;
  /** Sliding lifetime of refresh tokens of clients with Non-Expiring Refresh Tokens = No. */
  refreshTokenTtlSeconds: number;
  /** Unknown in Workday: whether expiring refresh tokens are replaced on each refresh. */
  rotateRefreshTokens: boolean;
  /** Highest `offset` activityLogging accepts (Splunk re-anchors at about 10,000). */
  offsetCeiling: number;
  /** Unknown in Workday: how activityLogging answers while User Activity Logging is off. */
  activityLoggingOffBehavior: "empty" | "forbidden";
  /** Seed of the generated people and activity. */
  seed: number;
  /** Generated activity per tenant: `events` over `days` ending at `end` (ISO; default: start time). */
  activity: { events: number; days: number; end?: string };
  /** Seed acme, acme_sandbox and globex_impl on start and reset. */
  seedTenants: boolean;
  /** The simulator's clock; tests may pass a fake one. Also shifted by POST /_sim/api/clock. */
  now: () => Date;
}

export const DEFAULT_OPTIONS: SimOptions = {
  uiBaseUrl: "http://localhost:4000",
  servicesBaseUrl: "http://127.0.0.1:4000",
  accessTokenTtlSeconds: 3600,
  authCodeTtlSeconds: 120,
  refreshTokenTtlSeconds: 7 * 24 * 3600,
  rotateRefreshTokens: false,
  offsetCeiling: 10_000,
  activityLoggingOffBehavior: "empty",
  seed: 20_240_607,
  activity: { events: 2000, days: 8 },
  seedTenants: true,
  now: () => new Date(),
};

/** Merges overrides onto the defaults; a nonsensical option is a programming error and throws. */
export function resolveOptions(overrides: Partial<SimOptions> = {}): SimOptions {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as Partial<SimOptions>;
  const options = { ...DEFAULT_OPTIONS, ...defined, activity: { ...DEFAULT_OPTIONS.activity, ...defined.activity } };
  const { events, days, end } = options.activity;
  if (!Number.isInteger(events) || events < 0) throw new RangeError(`activity.events must be a whole number >= 0, got ${events}`);
  if (!(days > 0)) throw new RangeError(`activity.days must be more than 0, got ${days}`);
  if (end !== undefined && Number.isNaN(Date.parse(end))) throw new RangeError(`activity.end must be an ISO date-time, got '${end}'`);
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
  return options;
}
