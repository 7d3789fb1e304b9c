import type { ApiOperation } from "./api-operation";
import { ACTIVITY_OPERATIONS } from "./api-operations-activity";
import { CONNECTOR_OPERATIONS } from "./api-operations-connectors";
import { CONSOLE_OPERATIONS } from "./api-operations-console";
import { HANDOFF_OPERATIONS } from "./api-operations-handoff";
import { NOTIFICATION_OPERATIONS } from "./api-operations-notifications";
import { POLICY_OPERATIONS } from "./api-operations-policies";

export * from "./api-operation";
export { detailsRequestSchema } from "./api-operations-connectors";

/**
 * Every /api operation the BFF serves, once: the OpenAPI document is built from it, and the BFF's
 * test fails when the router and this list disagree in either direction.
 */
export const API_OPERATIONS: readonly ApiOperation[] = [
  ...CONSOLE_OPERATIONS,
  ...CONNECTOR_OPERATIONS,
  ...ACTIVITY_OPERATIONS,
  ...NOTIFICATION_OPERATIONS,
  ...POLICY_OPERATIONS,
  ...HANDOFF_OPERATIONS,
];
