export { createSimulator, type Simulator } from "./simulator";
export { startSimulator, type RunningSimulator, type StartOptions } from "./start-simulator";
export { DEFAULT_OPTIONS, type SimOptions } from "./options";
export type { SimState } from "./model/state";
export type { Tenant, TenantKind, Account, ApiClient, TenantSettings, SandboxRefreshMode } from "./model/tenant";
export { PERMISSIONS, FUNCTIONAL_AREAS, type PermissionKey, type FunctionalArea } from "./model/permissions";
export type { FaultSpec, FaultRoute, FaultKind } from "./model/faults";
export type { TokenLogSnapshot } from "./model/token-log";
export type { ActivityRow } from "./activity/rows";
