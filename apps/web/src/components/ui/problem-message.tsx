/** A failed request in words, with the request id support needs to find it in the logs. */
export function ProblemMessage({ message, requestId }: { message: string; requestId?: string | undefined }) {
  return (
    <div className="problem" role="alert">
      <p>{message}</p>
      {requestId ? <p className="problem-request-id">Request ID: {requestId}</p> : null}
    </div>
  );
}
