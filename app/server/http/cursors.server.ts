// Sealed page cursors. A cursor is where the next page of a list starts; it used to be readable
// base64 of the last post's publication time to the millisecond, so anyone could read when a post
// was published and forge positions. Now it is AES-256-GCM ciphertext: nobody without the key can
// read what is in it, and any change to it (or a cursor made under another key or format) fails to
// open and is answered with a 400, never trusted.
//
// Token, base64url: version (1 byte) | nonce (12 bytes) | ciphertext | GCM tag (16 bytes).
// The nonce is an HMAC of the plaintext (a "synthetic" nonce), so the same position always gives
// the same token (pages stay cacheable) and two different positions never share a nonce.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from "node:crypto";

import { Refusal } from "~/domain/forms";

import { appSecret } from "../process/secrets.server";

export const CURSOR_VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Longest token accepted, in characters: a cursor is a few dozen bytes. */
export const CURSOR_MAX_LENGTH = 300;

/** A page link whose cursor is damaged, forged, made for another list or under an old format. */
export class InvalidCursor extends Refusal {
  constructor() {
    super("This page link is damaged or out of date: go back to the first page of results.", 400, "cursor");
  }
}

export interface CursorKeys {
  encrypt: Buffer;
  nonce: Buffer;
}

/** Two keys derived from the app's cursor secret (HKDF-SHA256), one to encrypt, one for nonces. */
export function cursorKeys(secret: Buffer): CursorKeys {
  const derived = Buffer.from(
    hkdfSync("sha256", secret, Buffer.alloc(0), `fifth-option cursor v${CURSOR_VERSION}`, 64),
  );
  return { encrypt: derived.subarray(0, 32), nonce: derived.subarray(32) };
}

const header = (version: number) => Buffer.from([version]);

/** Seals any JSON value into an opaque, tamper-proof token. */
export function sealCursor(keys: CursorKeys, payload: unknown): string {
  const plaintext = Buffer.from(JSON.stringify(payload), "utf8");
  const version = header(CURSOR_VERSION);
  const nonce = createHmac("sha256", keys.nonce).update(version).update(plaintext).digest().subarray(0, NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keys.encrypt, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(version);
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([version, nonce, sealed, cipher.getAuthTag()]).toString("base64url");
}

/** Opens a token made by sealCursor with the same keys; anything else throws InvalidCursor. */
export function openCursor(keys: CursorKeys, token: string): unknown {
  if (token.length > CURSOR_MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) throw new InvalidCursor();
  const bytes = Buffer.from(token, "base64url");
  // Node skips characters that do not make a whole byte: only the one canonical spelling opens.
  if (bytes.toString("base64url") !== token) throw new InvalidCursor();
  if (bytes.length < 1 + NONCE_BYTES + TAG_BYTES + 1 || bytes[0] !== CURSOR_VERSION) throw new InvalidCursor();
  const nonce = bytes.subarray(1, 1 + NONCE_BYTES);
  const sealed = bytes.subarray(1 + NONCE_BYTES, bytes.length - TAG_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv("aes-256-gcm", keys.encrypt, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(header(CURSOR_VERSION));
    decipher.setAuthTag(tag);
    const plaintext = Buffer.concat([decipher.update(sealed), decipher.final()]);
    return JSON.parse(plaintext.toString("utf8")) as unknown;
  } catch {
    throw new InvalidCursor();
  }
}

const keysFor = new WeakMap<Buffer, CursorKeys>();

/** The keys every list's cursors are sealed with, derived once from the app's cursor secret. */
export async function appCursorKeys(): Promise<CursorKeys> {
  const secret = await appSecret("cursor");
  let found = keysFor.get(secret);
  if (!found) {
    found = cursorKeys(secret);
    keysFor.set(secret, found);
  }
  return found;
}
