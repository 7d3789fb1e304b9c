/**
 * Production vs sandbox/implementation. Workday documents no way to tell (docs/workday.md §1, U), so this
 * is a heuristic from host and tenant names; the admin can always override it. It matters because
 * sandboxes are refreshed from production every week, which breaks the connection.
 */
export type Environment = "production" | "sandbox";

/** Plain words for each environment. */
export const ENVIRONMENT_LABELS: Record<Environment, string> = {
  production: "Production",
  sandbox: "Sandbox/implementation",
};

// "impl" as its own label or dash-separated part (impl.workday.com, wd2-impl-services1, wd3-services1-impl),
// so that a name like "simplecorp" does not count.
const IMPL_HOST = /(^|[.-])impl([.-]|$)/i;
const SANDBOX_TENANT = /_(impl|sandbox|preview)\d*$/i;

function hostnameOf(host: string): string {
  const h = host.trim().toLowerCase();
  if (!h.includes("://")) return h.replace(/:\d+$/, "");
  try {
    return new URL(h).hostname;
  } catch {
    return h;
  }
}

/** Guesses the environment from the endpoint hosts (hostnames, host:port or URLs) and the tenant name. */
export function guessEnvironment(p: { hosts: string[]; tenant: string | null }): { environment: Environment; reason: string } {
  const hosts = p.hosts.map(hostnameOf).filter((h) => h !== "");
  const implHost = hosts.find((h) => IMPL_HOST.test(h));
  if (implHost !== undefined) {
    return {
      environment: "sandbox",
      reason: `Treated as sandbox/implementation because the host "${implHost}" contains "impl", which Workday uses for implementation and sandbox tenants.`,
    };
  }
  const suffix = p.tenant === null ? null : (SANDBOX_TENANT.exec(p.tenant)?.[0] ?? null);
  if (p.tenant !== null && suffix !== null) {
    return {
      environment: "sandbox",
      reason: `Treated as sandbox/implementation because the tenant name "${p.tenant}" ends in "${suffix}".`,
    };
  }
  if (hosts.some((h) => h === "myworkday.com" || h.endsWith(".myworkday.com"))) {
    return {
      environment: "production",
      reason: "Treated as production because the endpoints are on myworkday.com, where Workday serves production tenants. Change it if this is a sandbox.",
    };
  }
  return {
    environment: "production",
    reason:
      'Treated as production because neither the hosts (no "impl") nor the tenant name (no _impl, _sandbox or _preview ending) point to a sandbox. Change it if this is a sandbox.',
  };
}
