// The connectors capability's public entry. Routes are mounted by app.ts.
export { loadConnector, saveDetails, type ConnectorDeps } from "./connectors";
export { recordConsentingAccount } from "./consenting-account";
export { toView } from "./connector-view";
