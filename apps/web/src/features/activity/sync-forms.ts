import { resyncRequestSchema, syncSettingsSchema } from "@wc/contracts";
import type { z } from "zod";
import { ApiError } from "../../lib/api-client";
import { formatUtc } from "@wc/workday";
import { utcInputToIso } from "../../lib/utc";
import { startResync } from "./api/start-resync";
import { updateSyncSettings } from "./api/update-sync-settings";

export const SYNC_INTENTS = ["sync-settings", "resync"] as const;
export type SyncIntent = (typeof SYNC_INTENTS)[number];

export const isSyncIntent = (value: unknown): value is SyncIntent => SYNC_INTENTS.some((intent) => intent === value);

/** What the sync forms get back from the connector route's action: done, or what to fix and where. */
export type SyncFormResult =
  | { intent: SyncIntent; ok: true; message: string }
  | { intent: SyncIntent; ok: false; message: string; fields: Readonly<Record<string, string>>; requestId?: string | undefined };

function invalid(intent: SyncIntent, error: z.ZodError): SyncFormResult {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    fields[key] ??= issue.message;
  }
  return { intent, ok: false, message: "Some fields need fixing.", fields };
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};

/** A number input's value; a blank one stays undefined so the schema says the field is missing. */
const numberField = (form: FormData, name: string) => {
  const value = text(form, name);
  return value === "" ? undefined : Number(value);
};

async function saveSettings(id: string, form: FormData): Promise<SyncFormResult> {
  const parsed = syncSettingsSchema.safeParse({
    backfillDays: numberField(form, "backfillDays"),
    pollIntervalMinutes: numberField(form, "pollIntervalMinutes"),
    lagMinutes: numberField(form, "lagMinutes"),
    retentionDays: numberField(form, "retentionDays"),
  });
  if (!parsed.success) return invalid("sync-settings", parsed.error);
  await updateSyncSettings(id, parsed.data);
  return { intent: "sync-settings", ok: true, message: "Sync settings saved." };
}

async function resync(id: string, form: FormData): Promise<SyncFormResult> {
  const from = text(form, "from");
  const to = text(form, "to");
  if (from === "" || to === "") {
    const fields = { ...(from === "" ? { from: "Enter where the window starts." } : {}), ...(to === "" ? { to: "Enter where the window ends." } : {}) };
    return { intent: "resync", ok: false, message: "Some fields need fixing.", fields };
  }
  const parsed = resyncRequestSchema.safeParse({ from: utcInputToIso(from), to: utcInputToIso(to) });
  if (!parsed.success) return invalid("resync", parsed.error);
  await startResync(id, parsed.data);
  const window = `${formatUtc(parsed.data.from)} to ${formatUtc(parsed.data.to)}`;
  return { intent: "resync", ok: true, message: `Re-sync of ${window} started.` };
}

/**
 * The connector route's action hands the sync forms' posts here. The values are checked with the
 * contracts schemas first (no round trip for a typo); the BFF's own 400 comes back the same way.
 */
export async function submitSyncForm(id: string, intent: SyncIntent, form: FormData): Promise<SyncFormResult> {
  try {
    return intent === "sync-settings" ? await saveSettings(id, form) : await resync(id, form);
  } catch (error) {
    if (error instanceof ApiError) return { intent, ok: false, message: error.message, fields: error.fields, requestId: error.requestId };
    throw error;
  }
}
