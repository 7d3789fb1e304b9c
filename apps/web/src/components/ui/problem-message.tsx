import { useLayoutEffect, useRef } from "react";

/**
 * A failed request in words, with the request id support needs to find it in the logs. It takes
 * focus when it appears (and when its message changes), so keyboard and screen-reader users land
 * on what went wrong rather than wherever the page left them.
 */
export function ProblemMessage({ message, requestId }: { message: string; requestId?: string | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    ref.current?.focus();
  }, [message]);
  return (
    <div className="problem" role="alert" tabIndex={-1} ref={ref}>
      <p>{message}</p>
      {requestId ? <p className="problem-request-id">Request ID: {requestId}</p> : null}
    </div>
  );
}
