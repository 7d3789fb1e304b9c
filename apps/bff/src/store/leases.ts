/** A connector's lease key for one kind of background work, e.g. `health:<connector id>`. */
export function leaseKey(kind: string, connectorId: string): string {
  return `${kind}:${connectorId}`;
}

/** ISO text like every other timestamp, so expiry compares as text on both engines. */
export function leaseExpiry(now: Date, ttlMs: number): string {
  return new Date(now.getTime() + ttlMs).toISOString();
}
