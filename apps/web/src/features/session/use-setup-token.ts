import { useEffect, useState } from "react";
import { useLocation, useNavigate } from "react-router";

function tokenIn(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, "")).get("token") ?? "";
}

/**
 * The one-time setup token from the link's fragment (`/setup#token=…`; a fragment never reaches a
 * server log). It is kept in memory only, and the fragment is replaced away at once so the token is
 * not left in the address bar or the browser history.
 */
export function useSetupToken(): string {
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => tokenIn(location.hash));
  const { pathname, search, hash } = location;
  useEffect(() => {
    if (hash !== "") void navigate({ pathname, search }, { replace: true });
  }, [hash, pathname, search, navigate]);
  return token;
}
