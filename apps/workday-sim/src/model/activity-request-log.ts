/** One activityLogging request as it was asked (raw query values, so a malformed one shows too). */
export interface ActivityRequestEntry {
  tenant: string;
  from: string | null;
  to: string | null;
  offset: string | null;
  limit: string | null;
  countOnly: boolean;
}

/**
 * What activityLogging was asked, for tests and the demo: the latest requests, their count, and how
 * many of one tenant's were ever in flight at once (a console that pages ahead has two).
 */
export interface ActivityRequestLogSnapshot {
  total: number;
  /** The latest requests, oldest first (at most ActivityRequestLog.KEEP). */
  requests: ActivityRequestEntry[];
  maxConcurrentByTenant: Record<string, number>;
}

export class ActivityRequestLog {
  static readonly KEEP = 5000;
  private total = 0;
  private entries: ActivityRequestEntry[] = [];
  private inFlight = new Map<string, number>();
  private maxInFlight = new Map<string, number>();

  /** Records a request on arrival; call the returned function once its response is finished or aborted. */
  start(entry: ActivityRequestEntry): () => void {
    this.total++;
    this.entries.push(entry);
    if (this.entries.length > ActivityRequestLog.KEEP) this.entries.splice(0, this.entries.length - ActivityRequestLog.KEEP);
    const now = (this.inFlight.get(entry.tenant) ?? 0) + 1;
    this.inFlight.set(entry.tenant, now);
    this.maxInFlight.set(entry.tenant, Math.max(now, this.maxInFlight.get(entry.tenant) ?? 0));
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.inFlight.set(entry.tenant, (this.inFlight.get(entry.tenant) ?? 1) - 1);
    };
  }

  snapshot(): ActivityRequestLogSnapshot {
    return { total: this.total, requests: this.entries.map((e) => ({ ...e })), maxConcurrentByTenant: Object.fromEntries(this.maxInFlight) };
  }

  /** Forgets requests and maxima; requests still in flight keep being tracked. */
  clear(): void {
    this.total = 0;
    this.entries = [];
    this.maxInFlight = new Map([...this.inFlight].filter(([, n]) => n > 0));
  }
}
