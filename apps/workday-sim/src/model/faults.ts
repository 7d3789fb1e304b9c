import { shortId } from "../lib/random";

export const FAULT_ROUTES = ["authorize", "token", "activityLogging", "workers", "rest"] as const;
export type FaultRoute = (typeof FAULT_ROUTES)[number];

export const FAULT_KINDS = ["latency", "status", "rate_limit", "reset", "malformed"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  route: FaultRoute;
  kind: FaultKind;
  count: number;
  tenant?: string | undefined;
  status?: number | undefined;
  latencyMs?: number | undefined;
  retryAfterSeconds?: number | undefined;
}

export interface Fault extends FaultSpec {
  id: string;
  remaining: number;
}

/** Injected failures, each used up by the next `count` matching requests. */
export class FaultList {
  private faults: Fault[] = [];

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...spec, id: shortId(), remaining: spec.count };
    this.faults.push(fault);
    return fault;
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
  }

  /** Takes one use of the oldest fault for any of `routes` (and this tenant), if there is one. */
  take(routes: readonly FaultRoute[], tenant: string | undefined): Fault | undefined {
    const fault = this.faults.find((f) => routes.includes(f.route) && (f.tenant === undefined || f.tenant === tenant));
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}
