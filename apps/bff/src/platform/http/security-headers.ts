import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";

/** The headers every answer carries (docs/security.md): a strict CSP, no framing, no referrer, HSTS behind https. */
export function securityHeaders(secure: boolean) {
  const base = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // The consent pop-up must keep its opener to report back (RFC 9700 §4.17 pattern).
    crossOriginOpenerPolicy: { policy: "same-origin-allow-popups" },
    strictTransportSecurity: secure ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "no-referrer" },
    // Matches frame-ancestors 'none' for browsers that only know X-Frame-Options (helmet's default is SAMEORIGIN).
    xFrameOptions: { action: "deny" },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    base(req, res, () => {
      // The pop-up comes back from Workday through the callback (a redirect) to /oauth/complete.
      // Browsers apply COOP on every hop, so both must be unsafe-none or the pop-up loses its opener.
      // The hand-off page's pop-up lands on /handoff/complete the same way.
      if (req.path === "/oauth/complete" || req.path === "/handoff/complete" || req.path.startsWith("/api/oauth/")) {
        res.setHeader("Cross-Origin-Opener-Policy", "unsafe-none");
      }
      next();
    });
  };
}
