import { useNavigate } from "react-router";

interface StepNavProps {
  /** Where Back goes; null disables it. */
  back: string | null;
  busy?: boolean;
  nextDisabled?: boolean;
}

/** Back leaves without saving; Next is the form's submit button, so the step saves before it moves on. */
export function StepNav({ back, busy = false, nextDisabled = false }: StepNavProps) {
  const navigate = useNavigate();
  return (
    <div className="step-nav">
      <button type="button" disabled={back === null} onClick={() => back !== null && void navigate(back)}>
        Back
      </button>
      <button type="submit" className="button-primary" disabled={busy || nextDisabled} aria-busy={busy || undefined}>
        Next
      </button>
      <span role="status" className="muted">
        {busy ? "Saving…" : ""}
      </span>
    </div>
  );
}
