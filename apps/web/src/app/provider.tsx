import { StrictMode, type ReactNode } from "react";

/** App-wide wrappers. Server data lives in route loaders, so there is no data-cache provider here. */
export function AppProvider({ children }: { children: ReactNode }) {
  return <StrictMode>{children}</StrictMode>;
}
