// What the HTTP server (app/server/process/main.ts) hands to every loader and action.
declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    /** The client's address, used only as input to a daily-salted hash for rate limits. */
    clientAddress: string | undefined;
    /** Set when app/server/http/edge.server.ts refused the request before any route ran: the page to show. */
    refusal?: { status: number; message: string };
  }
}

// Single Fetch types for loaders and actions (the v3_singleFetch future flag is on).
declare module "@remix-run/server-runtime" {
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
