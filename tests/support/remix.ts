// Sends real requests through the production Remix build (routes, loaders, actions, rendering),
// without a network hop. Run `npm run build` first; `npm test` does.
import { expect } from "vitest";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { createRequestHandler, type ServerBuild } from "@remix-run/node";

import { GOOD_PASSWORD, uniqueHandle } from "./handles";
import { sql } from "./sql";

const buildFile = path.resolve(import.meta.dirname, "..", "..", "build", "index.js");
if (!existsSync(buildFile)) throw new Error("No production build: run `npm run build` before the integration tests.");

// Requests here are made to http://localhost, so that is this harness's public address: absolute
// URLs in answers come from PUBLIC_URL (app/server/process/env.server.ts), read when the build loads.
process.env.PUBLIC_URL ??= "http://localhost";
const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
const handler = createRequestHandler(build, "production");

export interface SendOptions {
  method?: "GET" | "HEAD" | "POST" | "PUT" | "DELETE";
  /** Arrays become repeated fields, as checkboxes send them. */
  form?: Record<string, string | string[]>;
  cookie?: string | null;
  clientAddress?: string;
  /** Any other request headers, such as Authorization. */
  headers?: Record<string, string>;
  /** The request's signal (the app's edge aborts it once the answer is sent). */
  signal?: AbortSignal;
}

export function send(pathAndQuery: string, options: SendOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  let body: URLSearchParams | undefined;
  if (options.form) {
    body = new URLSearchParams();
    for (const [key, value] of Object.entries(options.form)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
    }
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  const request = new Request(`http://localhost${pathAndQuery}`, {
    method: options.method ?? (options.form ? "POST" : "GET"),
    headers,
    body,
    redirect: "manual",
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return handler(request, { cspNonce: "test-nonce", clientAddress: options.clientAddress ?? "127.0.0.1" });
}

/** "session=abc.def" from a Set-Cookie header, ready to send back. */
export function cookieFrom(response: Response): string | null {
  const header = response.headers.get("Set-Cookie");
  if (!header) return null;
  const first = header.split(";")[0] ?? "";
  return first.endsWith("=") ? null : first;
}

export { GOOD_PASSWORD, uniqueHandle } from "./handles";

let clientCounter = 0;
/** A different made-up client address each time, so sign-up limits per client do not interfere. */
export function uniqueClientAddress(): string {
  clientCounter += 1;
  return `192.0.2.${clientCounter % 250}:${clientCounter}`;
}

export async function signUp(handle = uniqueHandle(), perspective = "carer", clientAddress = uniqueClientAddress()) {
  const response = await send("/join", { form: { handle, password: GOOD_PASSWORD, perspective }, clientAddress });
  const cookie = cookieFrom(response);
  if (response.status !== 200 || !cookie)
    throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const html = await response.text();
  const codes = [...html.matchAll(/<code>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})<\/code>/g)].map(
    (m) => m[1] ?? "",
  );
  return { handle, cookie, codes, html };
}

/** Signs up a member (of this perspective) at this trust level: their session, recovery codes and id. */
export async function signUpAtTrust(trustLevel: number, perspective = "carer") {
  const account = await signUp(undefined, perspective);
  const [row] = await sql<{ id: number }>(
    `UPDATE "user" SET trust_level = $1 WHERE handle_key = lower($2) RETURNING id`,
    [trustLevel, account.handle],
  );
  return { ...account, id: row?.id ?? 0 };
}

/** Publishes a post through the "new post" form as this member (an anonymous story unless told otherwise); its id. */
export async function publishThroughForm(cookie: string, fields: Record<string, string | string[]>): Promise<number> {
  const response = await send("/stories/new", {
    form: {
      kind: "story",
      title: "A story",
      body: "Our review went well.",
      council: "",
      displayMode: "anonymous",
      submissionKey: crypto.randomUUID(),
      intent: "publish",
      ...fields,
    },
    cookie,
  });
  if (response.status !== 302) throw new Error(`publishing failed: ${response.status}`);
  return Number(/\/stories\/(\d+)/.exec(response.headers.get("Location") ?? "")?.[1]);
}

/** Sends a reply to a story as this member: anonymous, with a fresh submission key, unless `fields` say otherwise. */
export function sendReply(cookie: string, postId: number, body: string, fields: Record<string, string> = {}) {
  return send(`/stories/${postId}`, {
    form: { body, displayMode: "anonymous", submissionKey: crypto.randomUUID(), ...fields },
    cookie,
  });
}

/** A new member given a role and trust level straight in the database, with their id and session. */
export async function signUpAs(role: string, trustLevel: number) {
  const created = await signUp();
  await sql(`UPDATE "user" SET role = $1, trust_level = $2 WHERE handle_key = lower($3)`, [
    role,
    trustLevel,
    created.handle,
  ]);
  const [row] = await sql<{ id: number }>(`SELECT id FROM "user" WHERE handle_key = lower($1)`, [created.handle]);
  return { ...created, id: row?.id ?? 0 };
}

/** The HTML of a page as this session (or a visitor) sees it, with React's <!-- --> taken out. */
/** A page as a reader gets it: its status, its HTML without React's comments, its headers and any redirect. */
export async function fetchPage(pathAndQuery: string, cookie?: string | null) {
  const response = await send(pathAndQuery, { cookie: cookie ?? null });
  const html = stripComments(await response.text());
  return { status: response.status, html, headers: response.headers, location: response.headers.get("Location") };
}

/** Fetches a page, checks its status and that it says each of `texts`, and gives back its HTML. */
export async function pageSaying(pathAndQuery: string, status: number, texts: readonly string[]): Promise<string> {
  const page = await fetchPage(pathAndQuery);
  expect(page.status, pathAndQuery).toBe(status);
  for (const text of texts) expect(page.html, pathAndQuery).toContain(text);
  return page.html;
}

export async function pageText(pathAndQuery: string, cookie?: string | null): Promise<string> {
  return stripComments(await (await send(pathAndQuery, { cookie })).text());
}

/** Signs up one member for each role and gives them it; their session cookies, by role. */
export async function signUpInRoles<Role extends string>(roles: readonly Role[]): Promise<Record<Role, string>> {
  const cookies = {} as Record<Role, string>;
  for (const role of roles) {
    const { handle, cookie } = await signUp(uniqueHandle(role));
    await sql(`UPDATE "user" SET role = $1 WHERE handle_key = lower($2)`, [role, handle]);
    cookies[role] = cookie;
  }
  return cookies;
}

/** React separates adjacent text with <!-- --> in server HTML; tests read the text without them. */
export function stripComments(html: string): string {
  return html.replaceAll("<!-- -->", "");
}
