import { useState } from "react";
import { testRedirectUri } from "./api/test-redirect-uri";

export type SelfTestState = "idle" | "testing" | "reached" | "unreachable";

/**
 * A probe from this browser, not server data: it answers whether the Redirection URI leads back to
 * this console, which only the browser (behind the same proxy as Workday's redirect) can tell.
 */
export function useRedirectSelfTest(connectorId: string, redirectUri: string) {
  const [state, setState] = useState<SelfTestState>("idle");

  async function probe() {
    setState("testing");
    const reached = await testRedirectUri(redirectUri).then(
      (answer) => answer.connectorId === connectorId,
      () => false,
    );
    setState(reached ? "reached" : "unreachable");
  }

  return { state, test: () => void probe() };
}

/** The origin of `url`, or null when it is no URL at all. */
export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
