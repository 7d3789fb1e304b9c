import type { Connector } from "@wc/contracts";
import { originOf, useRedirectSelfTest } from "../use-redirect-self-test";

function Unreachable({ redirectUri }: { redirectUri: string }) {
  const here = window.location.origin;
  const there = originOf(redirectUri);
  return (
    <div className="problem">
      <p>This browser cannot reach {redirectUri} as this console: check PUBLIC_URL and your reverse proxy.</p>
      {there !== null && there !== here ? (
        <p>
          You are using the console at {here}, but PUBLIC_URL says {there}.
        </p>
      ) : null}
    </div>
  );
}

/** Checks that Workday's redirect after consent will land on this console, before an admin finds out the hard way. */
export function RedirectSelfTest({ connector }: { connector: Connector }) {
  const { state, test } = useRedirectSelfTest(connector.id, connector.redirectUri);
  return (
    <div className="self-test">
      <button type="button" onClick={test} disabled={state === "testing"}>
        Test redirect URI
      </button>
      <div role="status">
        {state === "testing" ? <p className="muted">Testing…</p> : null}
        {state === "reached" ? <p className="ok">The Redirection URI reaches this console.</p> : null}
        {state === "unreachable" ? <Unreachable redirectUri={connector.redirectUri} /> : null}
      </div>
    </div>
  );
}
