import type { SetupKey } from "./prerequisites";

export type CheckId = "token" | "rest_api" | "workers" | "activity_logging";

export interface CheckDefinition {
  id: CheckId;
  title: string;
  /** What a pass proves, in one sentence. */
  proves: string;
  /** The prerequisite row or tenant-setup switch a pass verifies (the first of `prerequisites`). */
  prerequisite?: SetupKey;
  /** Every row and switch a pass verifies; a check can prove more than one. */
  prerequisites: readonly SetupKey[];
}

/**
 * The live health checks, in the order the BFF runs them (one workers call answers both rest_api
 * and workers, then user activity). Each turns ticked rows of the wizard's checklists into verified ones.
 */
export const CHECKS: readonly CheckDefinition[] = [
  {
    id: "token",
    title: "Access token",
    proves: "The API client, its secret and the consent are valid, and the tenant accepts OAuth 2.0 clients.",
    prerequisite: "oauth_clients_enabled",
    prerequisites: ["oauth_clients_enabled"],
  },
  {
    id: "rest_api",
    title: "Workday REST API",
    proves: "The Workday REST API Endpoint answers and accepts this tenant's access token.",
    prerequisites: [],
  },
  {
    id: "workers",
    title: "Workers",
    proves: "The security group has Worker Data: Public Worker Reports.",
    prerequisite: "worker_public_reports",
    prerequisites: ["worker_public_reports"],
  },
  {
    id: "activity_logging",
    title: "User activity logging",
    proves: "The security group has System Auditing and User Activity Logging is enabled.",
    prerequisite: "system_auditing",
    prerequisites: ["system_auditing", "user_activity_logging"],
  },
];
