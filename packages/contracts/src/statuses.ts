import { z } from "zod";
import { CONNECTOR_STATUSES } from "@wc/workday";

/** The connector lifecycle (docs/troubleshooting.md "Statuses"); what each status allows is packages/workday's STATUS_RULES. */
export const connectorStatusSchema = z.enum(CONNECTOR_STATUSES);
export type ConnectorStatus = z.infer<typeof connectorStatusSchema>;

/** Plain words for each status, shown in the UI instead of the code. */
export const STATUS_LABELS: Record<ConnectorStatus, string> = {
  pending_configuration: "Setup not finished",
  pending_authorization: "Waiting for consent",
  connected: "Connected",
  degraded: "Degraded",
  relink_needed: "Reconnect needed",
  action_required: "Action required in Workday",
  disconnected: "Disconnected",
};

/** Wizard steps in order; the draft remembers the furthest step reached. */
export const wizardStepSchema = z.enum(["name", "prerequisites", "tenant_setup", "register", "details", "connect", "done"]);
export type WizardStep = z.infer<typeof wizardStepSchema>;
export const WIZARD_STEPS = wizardStepSchema.options;

export const environmentSchema = z.enum(["production", "sandbox"]);
export type Environment = z.infer<typeof environmentSchema>;

/** docs/workday.md §2: Workday clients use both; HTTP Basic is the default. */
export const clientAuthMethodSchema = z.enum(["client_secret_basic", "client_secret_post"]);
export type ClientAuthMethod = z.infer<typeof clientAuthMethodSchema>;

export const roleSchema = z.enum(["admin", "support"]);
export type Role = z.infer<typeof roleSchema>;
