import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { CURSOR_VERSION, cursorKeys, InvalidCursor, openCursor, sealCursor } from "./cursors.server";

const keys = cursorKeys(randomBytes(32));
const position = { l: "abcdefghijk", s: "newest", k: "2026-11", i: 1_234_567_890 };

/** Every way a person could read a time out of bytes: as text, as base64 of text, as numbers. */
function readableText(token: string): string {
  const bytes = Buffer.from(token, "base64url");
  return [
    token,
    bytes.toString("utf8"),
    bytes.toString("latin1"),
    Buffer.from(token, "base64").toString("latin1"),
  ].join("\n");
}

describe("sealed cursors", () => {
  it("open to exactly what was sealed", () => {
    const token = sealCursor(keys, position);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(openCursor(keys, token)).toEqual(position);
    expect(openCursor(keys, sealCursor(keys, { s: "relevance", k: "0.0607927", i: 7 }))).toEqual({
      s: "relevance",
      k: "0.0607927",
      i: 7,
    });
  });

  it("give the same token for the same position and different tokens for different ones", () => {
    expect(sealCursor(keys, position)).toBe(sealCursor(keys, position));
    expect(sealCursor(keys, position)).not.toBe(sealCursor(keys, { ...position, i: 1_234_567_891 }));
  });

  it("carry nothing readable: no month, no id, no time in any decoding of the token", () => {
    const withTime = { ...position, k: "2026-11-17T14:32:05.123Z" };
    for (const payload of [position, withTime]) {
      const text = readableText(sealCursor(keys, payload));
      expect(text).not.toMatch(/2026/);
      expect(text).not.toContain("1234567890");
      expect(text).not.toMatch(/newest|\d\d:\d\d/);
    }
  });

  it("refuse every single changed bit", () => {
    const token = sealCursor(keys, position);
    const bytes = Buffer.from(token, "base64url");
    for (let index = 0; index < bytes.length; index++) {
      for (const bit of [0x01, 0x80]) {
        const changed = Buffer.from(bytes);
        changed[index] = (changed[index] ?? 0) ^ bit;
        expect(() => openCursor(keys, changed.toString("base64url"))).toThrow(InvalidCursor);
      }
    }
  });

  it("refuse a cursor sealed under another key", () => {
    const other = cursorKeys(randomBytes(32));
    expect(() => openCursor(other, sealCursor(keys, position))).toThrow(InvalidCursor);
  });

  it("refuse another version, even with a valid seal under that version's byte", () => {
    const bytes = Buffer.from(sealCursor(keys, position), "base64url");
    bytes[0] = CURSOR_VERSION + 1;
    expect(() => openCursor(keys, bytes.toString("base64url"))).toThrow(InvalidCursor);
    bytes[0] = 0;
    expect(() => openCursor(keys, bytes.toString("base64url"))).toThrow(InvalidCursor);
  });

  it("refuse the old readable cursors, truncated tokens, junk and overlong input", () => {
    const old = Buffer.from("newest~2026-11-17T14:32:05.123Z~42").toString("base64url");
    const token = sealCursor(keys, position);
    for (const bad of [
      old,
      Buffer.from("relevance~1e999~1").toString("base64url"),
      token.slice(0, -1),
      token.slice(0, 20),
      "",
      "!!!!",
      "a".repeat(400),
      `${token}A`,
    ]) {
      expect(() => openCursor(keys, bad)).toThrow(InvalidCursor);
    }
  });

  it("derive keys from the secret: the same secret gives the same keys on every instance", () => {
    const secret = randomBytes(32);
    const token = sealCursor(cursorKeys(secret), position);
    expect(openCursor(cursorKeys(Buffer.from(secret)), token)).toEqual(position);
  });
});
