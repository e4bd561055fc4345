// Helpers for sending requests no browser would send (tests/integration/hardening.test.ts and
// fuzz-sweep.test.ts): raw HTTP with any Host, method, path and body, and the signs of a leak.
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface RawRequest {
  method?: string;
  /** Sent as-is: percent-escapes are not touched. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** A body of this many bytes of `fill`, streamed in 1 MB chunks (with Content-Length unless `chunked`). */
  streamedBytes?: number;
  fill?: string;
  chunked?: boolean;
}

/** One request over a fresh connection, with nothing normalised on the way. */
export function rawRequest(baseUrl: string, request: RawRequest): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...request.headers };
    if (request.body !== undefined) headers["Content-Length"] = Buffer.byteLength(request.body);
    else if (request.streamedBytes !== undefined && !request.chunked) headers["Content-Length"] = request.streamedBytes;
    const req = http.request({
      hostname,
      port,
      method: request.method ?? "GET",
      path: request.path,
      headers,
      agent: false,
    });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", reject);
    });
    // Once answered, the server may close while the rest of a refused body is still being sent.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    if (request.body !== undefined) {
      req.end(request.body);
      return;
    }
    if (request.streamedBytes === undefined) {
      req.end();
      return;
    }
    const chunk = Buffer.alloc(1024 * 1024, request.fill ?? "a");
    let left = request.streamedBytes;
    const pump = () => {
      while (left > 0 && !req.destroyed) {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= piece.length;
        if (!req.write(piece)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

/** Signs that an answer shows the inside of the app: stack frames, source paths, library names. */
export const LEAK_PATTERNS: RegExp[] = [
  /node_modules/i,
  /\bat [\w$.<>]+ \(/, // a stack frame: "at decode_param (…"
  /\bat (?:async )?(?:file:\/\/)?\/[\w./-]+:\d+/, // a stack frame without a function name
  /\.(?:tsx?|[cm]?js):\d+(?::\d+)?/, // file:line
  /\/work\/|\/home\/|\/tmp\//, // absolute paths on this machine
  /\b(?:URIError|TypeError|RangeError|ReferenceError|SyntaxError|ZodError|PrismaClient\w*Error)\b/,
  /Maximum call stack size exceeded/i,
  /decode_param|finalhandler|@remix-run|express\/lib|github\.com\/marked|PrismaClient|\bprisma\b|sanitize-html|raw-body/i,
  /\b22021\b|invalid byte sequence/i,
];

/** The first leak pattern an answer's body or headers match, if any. */
export function leakIn(answer: { text: string; headers?: Record<string, unknown> }): string | null {
  const haystack = `${JSON.stringify(answer.headers ?? {})}\n${answer.text}`;
  for (const pattern of LEAK_PATTERNS) {
    const match = pattern.exec(haystack);
    if (match) return `${pattern}: …${haystack.slice(Math.max(0, match.index - 60), match.index + 60)}…`;
  }
  return null;
}

const routesDir = path.resolve(import.meta.dirname, "..", "..", "app", "routes");

/** Every route file in app/routes (tests beside them left out). */
export const routeFiles = readdirSync(routesDir).filter((file) => /\.tsx?$/.test(file) && !file.includes(".test."));

/** Whether a route file exports an action (takes POSTs). */
export const hasAction = (file: string) =>
  /export (async function|const|function) action\b/.test(readFileSync(path.join(routesDir, file), "utf8"));

/** A route file's URL with its params filled from `fill` (flat-routes names, `[.]` as a dot). */
export function routeUrl(file: string, fill: (param: string) => string): string {
  const segments = file
    .replace(/\.tsx?$/, "")
    .replace(/\[\.\]/g, "~dot~")
    .split(".")
    .map((segment) => segment.replaceAll("~dot~", ".").replace(/_$/, ""))
    .filter((segment) => segment !== "_index" && segment !== "")
    .map((segment) => (segment.startsWith("$") ? fill(segment) : segment));
  return `/${segments.join("/")}`;
}
