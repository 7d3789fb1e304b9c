// The connectors capability's public entry. Routes are mounted by app.ts.
export { loadConnector, type ConnectorDeps } from "./connectors";
export { recordConsentingAccount } from "./consenting-account";
