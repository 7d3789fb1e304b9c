import { useEffect } from "react";

export const APP_NAME = "workday-connect";

/** Names the browser tab and the page screen readers announce on navigation: "<title> · workday-connect". */
export function PageTitle({ title }: { title: string }) {
  useEffect(() => {
    document.title = `${title} · ${APP_NAME}`;
  }, [title]);
  return null;
}
