import { describe, expect, it } from "vitest";

import { formatRecoveryCode, normaliseRecoveryCode, recoveryCodesFile } from "./recovery-codes";

describe("recovery codes", () => {
  it("are four groups of four unambiguous characters", () => {
    const code = formatRecoveryCode(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(formatRecoveryCode(new Uint8Array(10).fill(255))).toBe("ZZZZ-ZZZZ-ZZZZ-ZZZZ");
  });

  it("forgive case, spaces, hyphens and look-alike letters when typed back", () => {
    expect(normaliseRecoveryCode(" abc1-o0il ")).toBe("ABC10011");
  });

  it("make a text file of exactly a set of ten codes, one per line, and of nothing else", () => {
    const codes = Array.from({ length: 10 }, (_, i) => formatRecoveryCode(new Uint8Array(10).fill(i * 20)));
    const file = recoveryCodesFile(codes) ?? "";
    for (const code of codes) expect(file.split("\r\n")).toContain(code);
    expect(recoveryCodesFile(codes.slice(1))).toBeNull();
    expect(recoveryCodesFile([...codes.slice(1), "<script>alert(1)</script>"])).toBeNull();
    expect(recoveryCodesFile([...codes.slice(1), "abcd-efgh-jkmn-pqrs"])).toBeNull();
  });
});
