// What the HTTP server (app/server/main.ts) hands to every loader and action.
declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
  }
}

export {};
