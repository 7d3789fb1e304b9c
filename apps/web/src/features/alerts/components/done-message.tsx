import { useLayoutEffect, useRef } from "react";

/** A success takes the focus: the button pressed may have gone (Resolve becomes Reopen, a bulk form empties). */
export function DoneMessage({ message }: { message: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => ref.current?.focus(), [message]);
  return (
    <p role="status" className="ok" tabIndex={-1} ref={ref}>
      {message}
    </p>
  );
}
