// Cross-origin access to the public API. The data is public and the API read-only, so any website
// may read it from a browser, including the headers a client needs to pace itself.
export const API_CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "RateLimit, RateLimit-Policy, Retry-After, Link, WWW-Authenticate",
};

/**
 * The answer to a browser's preflight (OPTIONS) before it sends an API key from another site.
 * Remix never sees OPTIONS requests, so app/server/process/main.ts answers them with these.
 */
export const API_PREFLIGHT_HEADERS = {
  ...API_CORS_HEADERS,
  "Access-Control-Allow-Methods": "GET, HEAD",
  "Access-Control-Allow-Headers": "Authorization",
  "Access-Control-Max-Age": "86400",
};
