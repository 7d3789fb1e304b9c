/** While Workday has the admin: what is happening, and a way out. Shared by Connect and Reconnect. */
export function ConsentWaiting({ popup, onCancel, className }: { popup: boolean; onCancel: () => void; className: string }) {
  return (
    <div className={className} role="status">
      <p className="waiting">{popup ? "Waiting for Workday…" : "Opening Workday in this window…"}</p>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
