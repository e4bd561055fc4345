import { describe, expect, it } from "vitest";

import { isRefusal, Refusal } from "./forms";

class Taken extends Refusal {
  constructor() {
    super("That name is already taken. Choose another", 400, "handle");
  }
}

describe("refusals", () => {
  it("carry a message, a status (400 unless given) and the field they belong to", () => {
    const plain = new Refusal("Check the form");
    expect(plain.status).toBe(400);
    expect(plain.field).toBeUndefined();
    const taken = new Taken();
    expect(taken).toBeInstanceOf(Error);
    expect([taken.status, taken.field, taken.message]).toEqual([
      400,
      "handle",
      "That name is already taken. Choose another",
    ]);
  });

  it("are told apart from other errors, also when made by another copy of this module", () => {
    expect(isRefusal(new Taken())).toBe(true);
    expect(isRefusal(Object.assign(new Error("x"), { [Symbol.for("fifth-option.refusal")]: true }))).toBe(true);
    expect(isRefusal(Object.assign(new Error("x"), { status: 409 }))).toBe(false);
    expect(isRefusal(new Response("x", { status: 403 }))).toBe(false);
    expect(isRefusal(null)).toBe(false);
  });
});
