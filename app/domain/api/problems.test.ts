import { describe, expect, it } from "vitest";

import { invalidParameters, problemDocument } from "./problems";

describe("problem documents", () => {
  it("carry a type that links to the kind's explanation, with its title and status", () => {
    expect(
      problemDocument(
        { kind: "not-found", detail: "There is no published story with the id 7." },
        "https://example.org",
      ),
    ).toEqual({
      type: "https://example.org/about/api#problem-not-found",
      title: "Not found",
      status: 404,
      detail: "There is no published story with the id 7.",
    });
  });

  it("name one refused parameter in the detail, and several in the errors list", () => {
    const one = invalidParameters([{ parameter: "limit", detail: "Limit must be a whole number from 1 to 100." }]);
    expect(one.detail).toBe("The limit parameter is not valid: Limit must be a whole number from 1 to 100.");
    const two = problemDocument(
      invalidParameters([
        { parameter: "kind", detail: "Kind must be story, practice_note or question." },
        { parameter: "contry", detail: "Unknown parameter." },
      ]),
      "https://example.org",
    );
    expect(two.status).toBe(400);
    expect(two.detail).toBe("These parameters are not valid: kind, contry. See errors for each one.");
    expect(two.errors?.map((error) => error.parameter)).toEqual(["kind", "contry"]);
  });
});
