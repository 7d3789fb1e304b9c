import type { SyncStatus } from "@wc/contracts";
import { ApiError } from "../../lib/api-client";
import { getSyncStatus } from "./api/get-sync-status";

/** The sync status, or why it could not be read: the connector page still shows everything else. */
export type SyncLoad = { sync: SyncStatus; error: null } | { sync: null; error: { message: string; requestId?: string | undefined } };

export async function loadSyncStatus(id: string, signal?: AbortSignal): Promise<SyncLoad> {
  try {
    const { sync } = await getSyncStatus(id, signal);
    return { sync, error: null };
  } catch (error) {
    if (error instanceof ApiError) return { sync: null, error: { message: error.message, requestId: error.requestId } };
    throw error;
  }
}
