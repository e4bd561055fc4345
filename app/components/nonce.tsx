import { createContext, useContext } from "react";

// The per-request Content-Security-Policy nonce. Browsers hide it from scripts, so on the client
// it is an empty string, which React tolerates when hydrating.
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
