import type { SetupKey } from "./prerequisites";
import type { ConnectorStatus } from "./status-model";

/** A connection-details field a fix points at, so the UI can focus it. */
export type TroubleshootingField = "clientId" | "clientSecret" | "restApiEndpoint" | "tokenEndpoint" | "authorizationEndpoint" | "samlSso";

/** Statuses a reason code can put a connector in: every connector status but `connected`. */
export type HealthStatus = Exclude<ConnectorStatus, "connected">;

/** One failure explained in Workday's own terms (task names as Workday spells them). */
export interface TroubleshootingEntry {
  title: string;
  /** What happened, in one or two plain sentences. */
  meaning: string;
  causes: string[];
  /** What to do, in order; the last step is how to try again. */
  steps: string[];
  /** True when the fix ends with signing in to Workday and selecting Allow again (a new authorization is needed). */
  reconnect: boolean;
  field?: TroubleshootingField;
  /** The connector status this code puts a connector in; null for a failed consent attempt, which moves no status by itself. */
  status: HealthStatus | null;
  /** Transient: an outage or an unreadable answer that the console retries on its own; otherwise someone must act. */
  transient: boolean;
  /** The row of the prerequisite table, or the tenant-setup switch, the problem concerns. */
  prerequisite?: SetupKey;
}
