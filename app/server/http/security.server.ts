// HTTP-level defences applied to every response and every write (see app/server/process/main.ts).

/** Headers for every response. Scripts run only with this request's nonce: no 'unsafe-inline'. */
export function securityHeaders({
  nonce,
  https,
  devReload,
}: {
  nonce: string;
  https: boolean;
  devReload?: string;
}): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    // `npm run dev` only: the page's live-reload socket talks to Remix's dev server.
    `connect-src 'self'${devReload ? ` ${devReload}` : ""}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True when a state-changing request comes from another site. SameSite=Lax cookies already stop
 * most of these; this refuses them outright, using the browser's own Sec-Fetch-Site where sent
 * and the Origin header otherwise.
 */
export function isCrossSiteWrite({
  method,
  secFetchSite,
  origin,
  host,
}: {
  method: string;
  secFetchSite: string | undefined;
  origin: string | undefined;
  host: string | undefined;
}): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (secFetchSite) return secFetchSite !== "same-origin" && secFetchSite !== "none";
  if (!origin) return false; // Non-browser clients (curl, tests) send neither header.
  if (origin === "null") return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
