import { describe, expect, it } from "vitest";

import { isDatabaseUnavailable, isUniqueViolation } from "./client.server";

describe("telling an unreachable database from a bug", () => {
  it("recognises a connection refused, and pg's message for a client whose connection already failed", () => {
    expect(
      isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(
      true,
    );
  });

  it("reads PostgreSQL's code from the plain-object cause Prisma's driver adapter gives its errors", () => {
    const adapterError = Object.assign(new Error("terminating connection due to administrator command"), {
      name: "DriverAdapterError",
      cause: { kind: "postgres", code: "57P01", message: "terminating connection due to administrator command" },
    });
    expect(isDatabaseUnavailable(adapterError)).toBe(true);
    const shuttingDown = Object.assign(new Error("Database error"), { cause: { kind: "postgres", code: "57P03" } });
    expect(isDatabaseUnavailable(shuttingDown)).toBe(true);
  });

  it("counts a database too busy to start a transaction in time as unavailable, so the answer is a 503", () => {
    // Prisma's transaction manager raises both with code P2028.
    const transactionError = (message: string) =>
      Object.assign(new Error(message), { name: "TransactionManagerError", code: "P2028" });
    expect(
      isDatabaseUnavailable(
        transactionError("Transaction API error: Unable to start a transaction in the given time."),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        transactionError("Transaction already closed: A commit cannot be executed on an expired transaction."),
      ),
    ).toBe(true);
  });

  it("decides by code, not by wording: a message that merely mentions a timeout is a fault", () => {
    expect(isDatabaseUnavailable(new Error("Unable to start a transaction in the given time"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("x"), { cause: { kind: "postgres", code: "08006" } }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(Object.assign(new Error("x"), { cause: { kind: "DatabaseNotReachable" } }))).toBe(
      true,
    );
  });

  it("leaves real faults alone", () => {
    const unique = Object.assign(new Error("duplicate key value violates unique constraint"), {
      cause: { kind: "postgres", code: "23505" },
    });
    expect(isDatabaseUnavailable(unique)).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it("tells a duplicate by its code", () => {
    expect(isUniqueViolation(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error("x"), { cause: { kind: "postgres", code: "23505" } }))).toBe(true);
    expect(isUniqueViolation(new Error("Unique constraint failed, said a string"))).toBe(false);
  });
});
