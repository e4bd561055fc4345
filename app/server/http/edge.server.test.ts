import type { AddressInfo } from "node:net";
import { createServer } from "node:http";

import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { describe, expect, it } from "vitest";

import { Refusal } from "~/domain/forms";

import * as edge from "./edge.server";

describe("body limits", () => {
  it("are 64 KB where a long text is posted, with or without Single Fetch's .data, and 16 KB elsewhere", () => {
    for (const path of [
      "/stories/new",
      "/stories/new.data",
      "/stories/12",
      "/stories/12/edit",
      "/comments/3/edit.data",
      "/moderation/edit",
      "/reports/new",
    ]) {
      expect(edge.bodyLimitFor(path), path).toBe(edge.EDGE_LIMITS.longFormBytes);
    }
    for (const path of [
      "/sign-in",
      "/join.data",
      "/flag",
      "/settings",
      "/stories",
      "/stories/12/history",
      "/api/v1/stories",
      "/",
    ]) {
      expect(edge.bodyLimitFor(path), path).toBe(edge.EDGE_LIMITS.formBytes);
    }
  });
});

describe("addresses", () => {
  it("refuse invalid percent-encoding, control characters, long addresses and unknown methods", () => {
    expect(edge.addressRefusal("GET", "/stories/%FF")?.status).toBe(400);
    expect(edge.addressRefusal("GET", "/u/ab%00c")?.status).toBe(400);
    expect(edge.addressRefusal("GET", "/stories?q=%00")?.status).toBe(400);
    expect(edge.addressRefusal("GET", "/stories?q=a%0Ab")).toBeNull(); // a line break typed into a search box
    expect(edge.addressRefusal("GET", "/stories?q=%FF")).toBeNull(); // read as U+FFFD, as Remix reads it
    expect(edge.addressRefusal("GET", `/stories?q=${"a".repeat(9_000)}`)?.status).toBe(414);
    expect(edge.addressRefusal("TRACE", "/")?.status).toBe(405);
    expect(edge.addressRefusal("get", "/stories/12?sort=recent")).toBeNull();
  });
});

describe("private answers", () => {
  it("are those to a session cookie, those that set a cookie, and every non-GET", () => {
    expect(edge.hasSessionCookie("theme=dark; session=abc")).toBe(true);
    expect(edge.hasSessionCookie("__Host-session=abc")).toBe(true);
    expect(edge.hasSessionCookie("notsession=abc")).toBe(false);
    expect(edge.isPrivateAnswer({ method: "GET", cookie: undefined }, false)).toBe(false);
    expect(edge.isPrivateAnswer({ method: "GET", cookie: "session=a" }, false)).toBe(true);
    expect(edge.isPrivateAnswer({ method: "GET", cookie: undefined }, true)).toBe(true);
    expect(edge.isPrivateAnswer({ method: "POST", cookie: undefined }, false)).toBe(true);
  });
});

describe("bad input", () => {
  it("is a zod error or a PostgreSQL data exception, directly or as a cause", () => {
    expect(edge.isBadInput(Object.assign(new Error("x"), { name: "ZodError" }))).toBe(true);
    expect(edge.isBadInput(Object.assign(new Error("x"), { code: "22021" }))).toBe(true);
    expect(edge.isBadInput(Object.assign(new Error("x"), { code: "22P02" }))).toBe(true);
    expect(edge.isBadInput(new Error("wrapped", { cause: Object.assign(new Error("x"), { code: "22003" }) }))).toBe(
      true,
    );
    expect(edge.isBadInput(Object.assign(new Error("x"), { code: "23505" }))).toBe(false); // a unique violation is the app's to handle
    expect(edge.isBadInput(new Error("anything else"))).toBe(false);
    expect(edge.isBadInput(undefined)).toBe(false);
  });
});

describe("the address limit", () => {
  it("lets through Remix's route discovery for a page of hundreds of links (its /__manifest address runs to 7,680 characters)", () => {
    const discovery =
      `/__manifest?${Array.from({ length: 340 }, (_, i) => `p=%2Foutcomes%2FE0${String(6000001 + i)}`).join("&")}`.slice(
        0,
        7680,
      );
    expect(discovery.length).toBe(7680);
    expect(edge.addressRefusal("GET", discovery)).toBeNull();
    expect(edge.addressRefusal("GET", `/stories?q=${"a".repeat(edge.EDGE_LIMITS.urlChars)}`)?.status).toBe(414);
  });
});

describe("refusals no route answered", () => {
  const buildThrowing = (error: unknown) =>
    edge.withBadInputAs400({
      routes: {
        "routes/x": {
          id: "routes/x",
          path: "x",
          module: {
            action: () => Promise.reject(error),
            loader: () => Promise.reject(error),
          },
        },
      },
    } as unknown as ServerBuild);
  const run = (build: ServerBuild, kind: "action" | "loader") =>
    (build.routes["routes/x"]?.module[kind] as (args: never) => Promise<unknown>)({} as never);

  it("become their own status with their message, in the site's layout, never a 500", async () => {
    const build = buildThrowing(new Refusal("You cannot moderate your own content.", 403));
    for (const kind of ["action", "loader"] as const) {
      await expect(run(build, kind)).rejects.toMatchObject({
        data: "You cannot moderate your own content.",
        init: { status: 403 },
      });
    }
  });

  it("are recognised from another copy of the module (the server process and the build each load one)", async () => {
    const foreign = Object.assign(new Error("Already dealt with."), {
      status: 409,
      [Symbol.for("fifth-option.refusal")]: true,
    });
    await expect(run(buildThrowing(foreign), "action")).rejects.toMatchObject({ init: { status: 409 } });
  });

  it("leave other errors alone", async () => {
    const error = new Error("a bug");
    await expect(run(buildThrowing(error), "action")).rejects.toBe(error);
  });
});

describe("a request's signal", () => {
  it("is aborted once its answer has been sent, so nothing Remix keeps for the request outlives it", async () => {
    // A one-route Remix app (a resource route noting its request's signal) behind the edge, on a
    // real HTTP server.
    const signals: AbortSignal[] = [];
    const abortedWhileWorking: boolean[] = [];
    const build = {
      mode: "production",
      entry: { module: { default: () => new Response("no documents here", { status: 500 }) } },
      routes: {
        root: { id: "root", path: "", module: { default: () => null } },
        "routes/answer": {
          id: "routes/answer",
          parentId: "root",
          path: "answer",
          module: {
            loader: ({ request }: { request: Request }) => {
              signals.push(request.signal);
              abortedWhileWorking.push(request.signal.aborted);
              return new Response("answered");
            },
          },
        },
      },
      assets: { entry: { imports: [], module: "" }, routes: {}, url: "", version: "test" },
      publicPath: "/build/",
      assetsBuildDirectory: "",
      future: {},
      isSpaMode: false,
    } as unknown as ServerBuild;
    const app = express();
    app.use(
      edge.createEdge({ build, loadContext: () => ({ cspNonce: "", clientAddress: "127.0.0.1" }) }).handleRequest,
    );
    const server = createServer(app);
    await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/answer`);
      expect(await response.text()).toBe("answered");
      expect(signals).toHaveLength(1);
      // While the answer was being worked on, the request was live.
      expect(abortedWhileWorking).toEqual([false]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(signals[0]?.aborted).toBe(true);
    } finally {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  });
});
