// What a page leaves behind once it has been answered: nothing that holds it. A timer left running
// for each page held the page's every chunk, and Remix's data for it, for five seconds after it was
// sent; under load that was hundreds of megabytes (decision 054).
import { describe, expect, it } from "vitest";

import { send } from "../support/remix";

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

describe("a page answered", () => {
  it("leaves no timer of its own running", async () => {
    for (const path of ["/stories", "/house-rules"]) expect((await send(path)).status).toBe(200);
    const before = timers();
    for (let i = 0; i < 30; i++) {
      const answer = new AbortController();
      const response = await send(i % 2 ? "/stories" : "/house-rules", { signal: answer.signal });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("</html>");
      // As the app's edge does once the answer has been sent (app/server/http/edge.server.ts).
      answer.abort();
    }
    // Thirty pages: one timer each would be thirty. The database pool's idle connections keep a
    // timer each, and there are at most ten of them.
    expect(timers() - before).toBeLessThan(10);
  });
});
