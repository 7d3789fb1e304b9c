import { useLayoutEffect, useRef } from "react";
import { ProblemMessage } from "../../../components/ui/problem-message";
import type { ChannelActionResult } from "../channel-intents";

/**
 * What an action did, or why it did not. A success takes the focus when it appears, so keyboard and
 * screen-reader users land on it rather than on a button that may have gone; a refusal is an alert.
 */
export function ActionNote({ result }: { result: ChannelActionResult | undefined }) {
  const note = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    if (result?.ok) note.current?.focus();
  }, [result]);
  if (result === undefined) return null;
  if (!result.ok) return result.problem.message ? <ProblemMessage message={result.problem.message} requestId={result.problem.requestId} /> : null;
  return (
    <p role="status" className="ok" tabIndex={-1} ref={note}>
      {result.message}
    </p>
  );
}
