import { controlError } from "../lib/http-error";
import { hashString } from "../lib/hash";
import { SECOND } from "../lib/time";
import type { SimOptions } from "../options";
import { FaultList } from "./faults";
import { PendingAuthorizations } from "./pending-authorizations";
import { PERMISSION_KEYS } from "./permissions";
import { companyKey, createTenant, type Tenant, type TenantKind } from "./tenant";
import { TokenLog } from "./token-log";
import { ActivityRequestLog } from "./activity-request-log";
import { TokenStore } from "./token-store";

export interface TenantInput {
  name: string;
  kind: TenantKind;
  prepared: boolean;
  samlSso: boolean;
}

const SEEDED: readonly TenantInput[] = [
  { name: "acme", kind: "production", prepared: true, samlSso: false },
  { name: "acme_sandbox", kind: "sandbox", prepared: true, samlSso: false },
  { name: "globex_impl", kind: "implementation", prepared: false, samlSso: true },
];

/** The whole simulated Workday: tenants, issued tokens, faults and logs. Lives in memory. */
export class SimState {
  options: SimOptions;
  /** Added to the options clock by POST /_sim/api/clock, to expire things without waiting. */
  clockOffsetMs = 0;
  readonly tenants = new Map<string, Tenant>();
  readonly tokens = new TokenStore();
  readonly pending = new PendingAuthorizations();
  readonly faults = new FaultList();
  readonly tokenLog = new TokenLog();
  readonly activityRequests = new ActivityRequestLog();

  constructor(private readonly initialOptions: SimOptions) {
    this.options = { ...initialOptions, activity: { ...initialOptions.activity } };
    this.seed();
  }

  now(): number {
    return this.options.now().getTime() + this.clockOffsetMs;
  }

  /** The tenant, or a 404 for the control API and admin pages. */
  tenant(name: string): Tenant {
    const tenant = this.tenants.get(name);
    if (!tenant) throw controlError(404, `There is no tenant named '${name}'. GET /_sim/api/tenants lists them.`);
    return tenant;
  }

  addTenant(input: TenantInput): Tenant {
    if (this.tenants.has(input.name)) throw controlError(409, `A tenant named '${input.name}' already exists.`);
    const { events, days, end } = this.options.activity;
    const now = this.now();
    const endMs = end === undefined ? now - (now % SECOND) : Date.parse(end);
    // Sandboxes are copies of production: same company key, same seed, same people.
    const seed = (this.options.seed ^ hashString(companyKey(input.name))) >>> 0;
    const tenant = createTenant({ ...input, activity: { events, days, endMs, seed } }, PERMISSION_KEYS);
    this.tenants.set(tenant.name, tenant);
    return tenant;
  }

  /** Back to the state right after start: options, tenants, tokens, faults, logs, clock. */
  reset(): void {
    this.options = { ...this.initialOptions, activity: { ...this.initialOptions.activity } };
    // Keep base URLs learnt after listening: they describe the server, not the scenario.
    this.clockOffsetMs = 0;
    this.tenants.clear();
    this.tokens.clear();
    this.pending.clear();
    this.faults.clear();
    this.tokenLog.clear();
    this.activityRequests.clear();
    this.seed();
  }

  /** Sets the base URLs once the port is known; they survive reset. */
  setBaseUrls(uiBaseUrl: string, servicesBaseUrl: string): void {
    this.initialOptions.uiBaseUrl = uiBaseUrl;
    this.initialOptions.servicesBaseUrl = servicesBaseUrl;
    this.options.uiBaseUrl = uiBaseUrl;
    this.options.servicesBaseUrl = servicesBaseUrl;
  }

  endpoints(tenant: string): { authorizationEndpoint: string; tokenEndpoint: string; restApiEndpoint: string } {
    const ui = this.options.uiBaseUrl.replace(/\/+$/, "");
    const services = this.options.servicesBaseUrl.replace(/\/+$/, "");
    return {
      authorizationEndpoint: `${ui}/${tenant}/authorize`,
      tokenEndpoint: `${services}/ccx/oauth2/${tenant}/token`,
      restApiEndpoint: `${services}/ccx/api/v1/${tenant}`,
    };
  }

  private seed(): void {
    if (this.options.seedTenants) for (const t of SEEDED) this.addTenant(t);
  }
}
