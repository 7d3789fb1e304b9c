import type { DeliveryAttempt } from "@wc/contracts";
import { ApiError } from "../../lib/api-client";
import { getDeliveries } from "./api/get-deliveries";

/** The delivery log, or why it could not be read: the channel page still shows the channel. */
export type DeliveriesLoad = { attempts: DeliveryAttempt[]; error: null } | { attempts: []; error: { message: string; requestId?: string | undefined } };

export async function loadDeliveries(id: string, signal?: AbortSignal): Promise<DeliveriesLoad> {
  try {
    const { attempts } = await getDeliveries(id, signal);
    return { attempts, error: null };
  } catch (error) {
    if (error instanceof ApiError) return { attempts: [], error: { message: error.message, requestId: error.requestId } };
    throw error;
  }
}
