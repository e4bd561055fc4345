// Plain HTTP/1.1 over loopback, as a browser without JavaScript would send it: form posts with
// an Origin header (cross-site writes are refused), a session cookie, and keep-alive connections.
// node:http rather than fetch, so a refused or dropped connection comes back with its own code.
import http from "node:http";

export interface Reply {
  status: number;
  location: string | null;
  setCookie: string[];
  body: string;
}

/** How a request failed without any HTTP response. */
export type ConnectionFailure = "refused" | "dropped" | "timed out";

export class NoResponse extends Error {
  constructor(
    public readonly failure: ConnectionFailure,
    public readonly code: string,
  ) {
    super(`${failure} (${code})`);
  }
}

/** One simulated person's browser: its own connections, address and session. */
export interface Browser {
  agent: http.Agent;
  /** Sent as X-Forwarded-For; the app runs with TRUST_PROXY=true, as behind a load balancer. */
  address: string;
  cookie: string | null;
}

export function newBrowser(address: string): Browser {
  return { agent: new http.Agent({ keepAlive: true }), address, cookie: null };
}

/** How long a person waits for a page before giving up on it (and, for a form, sending it again). */
export const REQUEST_TIMEOUT_MS = 20_000;

export type FormFields = Record<string, string | string[]>;

export function encodeForm(form: FormFields): string {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
  }
  return body.toString();
}

/** Headers a browser sends with this request (a same-site Origin on writes). */
export function browserHeaders(base: URL, browser: Browser, body?: string): http.OutgoingHttpHeaders {
  return {
    "X-Forwarded-For": browser.address,
    ...(browser.cookie ? { Cookie: browser.cookie } : {}),
    ...(body === undefined
      ? {}
      : {
          Origin: base.origin,
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": Buffer.byteLength(body),
        }),
  };
}

function classify(error: NodeJS.ErrnoException): NoResponse {
  const code = error.code ?? error.message;
  return new NoResponse(code === "ECONNREFUSED" ? "refused" : "dropped", code);
}

/** Reads a whole response; rejects with NoResponse when there was none. Redirects are not followed. */
export function readReply(request: http.ClientRequest, timeoutMs: number): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      request.destroy(new NoResponse("timed out", `no complete response in ${timeoutMs} ms`));
    }, timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error instanceof NoResponse ? error : classify(error));
    });
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(error instanceof NoResponse ? error : classify(error));
      });
      response.on("end", () => {
        clearTimeout(timer);
        if (!response.complete) {
          reject(new NoResponse("dropped", "response cut short"));
          return;
        }
        const setCookie = response.headers["set-cookie"] ?? [];
        resolve({
          status: response.statusCode ?? 0,
          location: response.headers.location ?? null,
          setCookie,
          body: Buffer.concat(chunks).toString("utf8"),
        });
      });
    });
  });
}

export function send(
  base: URL,
  browser: Browser,
  path: string,
  { form, timeoutMs = REQUEST_TIMEOUT_MS }: { form?: FormFields; timeoutMs?: number } = {},
): Promise<Reply> {
  const body = form ? encodeForm(form) : undefined;
  const request = http.request(new URL(path, base), {
    method: body === undefined ? "GET" : "POST",
    agent: browser.agent,
    headers: browserHeaders(base, browser, body),
  });
  const reply = readReply(request, timeoutMs);
  request.end(body);
  return reply;
}

/** "session=…" from a reply that signed someone in. */
export function sessionCookieFrom(reply: Reply): string | null {
  for (const header of reply.setCookie) {
    const first = header.split(";")[0] ?? "";
    if (/^(__Host-)?session=./.test(first)) return first;
  }
  return null;
}

// What a leaked stack trace looks like in a page: a V8 frame, a source location, an error
// message naming a file, or a path into node_modules.
const STACK_TRACE_PATTERNS = [
  /^\s*at \S.*\(?(?:file:\/\/)?\/[^\s)]+:\d+:\d+\)?\s*$/m,
  /[\w-]+\.tsx?:\d+(?::\d+)?/,
  /\b\w*Error: [^<\n]*?(?:file:\/\/)?\/[\w.-]+\/[\w./-]+/,
  /node_modules\//,
];

/** The first piece of a page that looks like a stack trace, or null. */
export function stackTraceIn(body: string): string | null {
  for (const pattern of STACK_TRACE_PATTERNS) {
    const match = pattern.exec(body);
    if (match) return match[0].trim().slice(0, 160);
  }
  return null;
}
