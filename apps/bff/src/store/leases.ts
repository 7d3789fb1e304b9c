/** A connector's lease key for one kind of background work, e.g. `health:<connector id>`. */
export function leaseKey(kind: string, connectorId: string): string {
  return `${kind}:${connectorId}`;
}

export function connectorIdOf(kind: string, key: string): string {
  return key.slice(kind.length + 1);
}

/** ISO text like every other timestamp, so expiry compares as text on both engines. */
export function leaseExpiry(now: Date, ttlMs: number): string {
  return new Date(now.getTime() + ttlMs).toISOString();
}
