/**
 * What the token endpoint was asked, for tests: counts per tenant/client/grant type, and how many
 * refresh requests for one client were ever in flight at once ("one refresh per connector"), and
 * for all clients together (how many connectors a console refreshes at once).
 */
export interface TokenLogSnapshot {
  total: number;
  requests: { tenant: string; clientId: string; grantType: string; count: number }[];
  maxConcurrentRefreshes: number;
  maxConcurrentRefreshesByClient: Record<string, number>;
  maxConcurrentRefreshesAllClients: number;
}

export class TokenLog {
  private counts = new Map<string, { tenant: string; clientId: string; grantType: string; count: number }>();
  private inFlight = new Map<string, number>();
  private maxInFlight = new Map<string, number>();
  private allInFlight = 0;
  private maxAllInFlight = 0;

  /** Records a request; call the returned function when its response is finished or aborted. */
  start(tenant: string, clientId: string, grantType: string): () => void {
    const key = JSON.stringify([tenant, clientId, grantType]);
    const entry = this.counts.get(key) ?? { tenant, clientId, grantType, count: 0 };
    entry.count++;
    this.counts.set(key, entry);
    if (grantType !== "refresh_token") return () => undefined;
    const flightKey = `${tenant}/${clientId}`;
    const now = (this.inFlight.get(flightKey) ?? 0) + 1;
    this.inFlight.set(flightKey, now);
    this.maxInFlight.set(flightKey, Math.max(now, this.maxInFlight.get(flightKey) ?? 0));
    this.allInFlight++;
    this.maxAllInFlight = Math.max(this.maxAllInFlight, this.allInFlight);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.allInFlight--;
      this.inFlight.set(flightKey, (this.inFlight.get(flightKey) ?? 1) - 1);
    };
  }

  snapshot(): TokenLogSnapshot {
    const requests = [...this.counts.values()].map((e) => ({ ...e }));
    const byClient: Record<string, number> = {};
    for (const [key, max] of this.maxInFlight) {
      const clientId = key.slice(key.indexOf("/") + 1);
      byClient[clientId] = Math.max(max, byClient[clientId] ?? 0);
    }
    return {
      total: requests.reduce((sum, e) => sum + e.count, 0),
      requests,
      maxConcurrentRefreshes: Math.max(0, ...this.maxInFlight.values()),
      maxConcurrentRefreshesByClient: byClient,
      maxConcurrentRefreshesAllClients: this.maxAllInFlight,
    };
  }

  /** Forgets counts and maxima; requests still in flight keep being tracked. */
  clear(): void {
    this.counts.clear();
    this.maxInFlight.clear();
    this.maxAllInFlight = this.allInFlight;
  }
}
