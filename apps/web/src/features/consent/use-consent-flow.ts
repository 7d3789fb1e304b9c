import { consentMessageSchema } from "@wc/contracts";
import { useEffect, useEffectEvent, useState } from "react";
import { useRevalidator } from "react-router";
import { ApiError } from "../../lib/api-client";
import { startConsent } from "./api/start-consent";
import { REFUSED_MESSAGE } from "./refused-message";

export const POPUP_NAME = "workday-consent";
export const POPUP_FEATURES = "popup,width=720,height=760";
/** How often to look whether the pop-up was closed, and how long to wait for its message after it closed. */
const POLL_MS = 400;
const GRACE_MS = 800;

export type ConsentPhase =
  | { kind: "idle" }
  /** `blocked`: the browser refused the pop-up, so Workday opens in this window instead. */
  | { kind: "waiting"; popup: Window | null; consentAtBefore: string | null; blocked: boolean }
  | { kind: "checking" }
  | { kind: "popup_closed" }
  /** The pop-up went away without a message; whether consent finished is read from the server. */
  | { kind: "gone"; consentAtBefore: string | null }
  | { kind: "failed"; message: string; requestId?: string | undefined };

function failure(error: unknown): ConsentPhase {
  if (error instanceof ApiError) return { kind: "failed", message: error.message, requestId: error.requestId };
  return { kind: "failed", message: "Could not start the connection to Workday. Try again." };
}

/**
 * Consent in a pop-up, or a full-page redirect when pop-ups are blocked. The result is never taken
 * from the message itself: a message (exact origin, schema, this connector) only says "look again",
 * and the route's loaders re-read the connector from the server.
 */
export function useConsentFlow(connectorId: string, lastConsentAt: string | null) {
  const [phase, setPhase] = useState<ConsentPhase>({ kind: "idle" });
  const revalidator = useRevalidator();

  // A closed pop-up is not proof of failure: a Workday page with its own opener policy cuts the
  // pop-up's link to us, which also reads as "closed". Ask the server before saying so.
  const onPopupGone = useEffectEvent((consentAtBefore: string | null) => {
    setPhase({ kind: "checking" });
    void revalidator.revalidate().finally(() => setPhase({ kind: "gone", consentAtBefore }));
  });

  const onMessage = useEffectEvent((event: MessageEvent<unknown>) => {
    if (event.origin !== window.location.origin) return;
    const message = consentMessageSchema.safeParse(event.data);
    if (!message.success || message.data.connectorId !== connectorId) return;
    if (message.data.refused) {
      setPhase({ kind: "failed", message: REFUSED_MESSAGE });
      return;
    }
    setPhase({ kind: "checking" });
    void revalidator.revalidate().finally(() => setPhase({ kind: "idle" }));
  });

  useEffect(() => {
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, []);

  const popup = phase.kind === "waiting" ? phase.popup : null;
  const consentAtBefore = phase.kind === "waiting" ? phase.consentAtBefore : null;
  useEffect(() => {
    if (popup === null) return;
    let grace: ReturnType<typeof setTimeout> | undefined;
    const poll = setInterval(() => {
      if (!popup.closed) return;
      clearInterval(poll);
      grace = setTimeout(() => onPopupGone(consentAtBefore), GRACE_MS);
    }, POLL_MS);
    return () => {
      clearInterval(poll);
      clearTimeout(grace);
    };
  }, [popup, consentAtBefore]);

  /** MUST run inside the click handler: browsers allow `window.open` only there. */
  function connect() {
    const opened = window.open("", POPUP_NAME, POPUP_FEATURES);
    setPhase({ kind: "waiting", popup: opened, consentAtBefore: lastConsentAt, blocked: opened === null });
    startConsent(connectorId, { mode: opened ? "popup" : "redirect" }).then(
      ({ authorizationUrl }) => {
        if (opened) opened.location.href = authorizationUrl;
        else window.location.assign(authorizationUrl);
      },
      (error: unknown) => {
        opened?.close();
        setPhase(failure(error));
      },
    );
  }

  /** The full-page way, offered when the pop-up was closed or Workday seems stuck in it. */
  function connectHere() {
    if (popup && !popup.closed) popup.close();
    setPhase({ kind: "waiting", popup: null, consentAtBefore: lastConsentAt, blocked: false });
    startConsent(connectorId, { mode: "redirect" }).then(
      ({ authorizationUrl }) => window.location.assign(authorizationUrl),
      (error: unknown) => setPhase(failure(error)),
    );
  }

  function cancel() {
    if (popup && !popup.closed) popup.close();
    setPhase({ kind: "idle" });
  }

  const shown: ConsentPhase = phase.kind === "gone" ? (lastConsentAt !== phase.consentAtBefore ? { kind: "idle" } : { kind: "popup_closed" }) : phase;
  return { phase: shown, connect, connectHere, cancel };
}

export type ConsentFlow = ReturnType<typeof useConsentFlow>;
