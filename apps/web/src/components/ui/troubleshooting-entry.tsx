import { REASON_CODES, TROUBLESHOOTING } from "@wc/workday";
import { useLayoutEffect, useRef, type ReactNode } from "react";

/** The catalog entry for a stored reason code, or null for a code this build does not know. */
export function troubleshootingFor(reasonCode: string | null) {
  const known = REASON_CODES.find((code) => code === reasonCode);
  return known === undefined ? null : TROUBLESHOOTING[known];
}

/** A reason code as its troubleshooting title; the bare code when this build has no entry for it yet. */
export function reasonTitle(reasonCode: string | null): string {
  if (reasonCode === null) return "";
  return troubleshootingFor(reasonCode)?.title ?? reasonCode;
}

interface Props {
  reasonCode: string;
  /** Workday's own words, when it sent any. */
  detail?: string | null;
  /** The words before `detail`. */
  detailLabel?: string;
  heading?: "h2" | "h3";
  /** Actions to offer under the steps (Try again, Go to a field…). */
  children?: ReactNode;
  /** The result of what the user just did (a connect that failed): announced and focused when it appears. */
  alert?: boolean;
}

/** role=alert and focus for an entry that reports what just happened; a plain region otherwise. */
function useAlert(alert: boolean) {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    if (alert) ref.current?.focus();
  }, [alert]);
  return alert ? { ref, role: "alert", tabIndex: -1 } : { ref };
}

/** What went wrong, what it means, why it usually happens and what to do, from the troubleshooting catalog. */
export function TroubleshootingEntry({ reasonCode, detail = null, detailLabel = "Workday said", heading: Heading = "h3", children, alert = false }: Props) {
  const entry = troubleshootingFor(reasonCode);
  const live = useAlert(alert);
  if (entry === null) {
    return (
      <section className="troubleshooting" aria-label="Troubleshooting" {...live}>
        <Heading>Something went wrong ({reasonCode})</Heading>
        <p>There is no troubleshooting entry for this reason yet. Contact support and quote the reason code {reasonCode}.</p>
        {detail ? (
          <p>
            {detailLabel}: {detail}
          </p>
        ) : null}
        {children}
      </section>
    );
  }
  return (
    <section className="troubleshooting" aria-label="Troubleshooting" {...live}>
      <Heading>{entry.title}</Heading>
      <p>{entry.meaning}</p>
      {detail ? (
        <p className="troubleshooting-detail">
          {detailLabel}: {detail}
        </p>
      ) : null}
      {entry.causes.length > 0 ? (
        <>
          <p className="troubleshooting-label">Usual causes</p>
          <ul>
            {entry.causes.map((cause) => (
              <li key={cause}>{cause}</li>
            ))}
          </ul>
        </>
      ) : null}
      {entry.steps.length > 0 ? (
        <>
          <p className="troubleshooting-label">What to do</p>
          <ol>
            {entry.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </>
      ) : null}
      {children}
    </section>
  );
}
