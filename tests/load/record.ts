// Everything the load test saw: every request with its outcome and the run time it happened at.
import { performance } from "node:perf_hooks";

import {
  type Browser,
  type ConnectionFailure,
  type FormFields,
  NoResponse,
  type Reply,
  send,
  stackTraceIn,
} from "./http";

export interface RequestRecord {
  method: "GET" | "POST";
  /** What the person was doing: "open story form", "publish story", … */
  purpose: string;
  path: string;
  startedAt: number;
  endedAt: number;
  status: number | null;
  failure: ConnectionFailure | null;
  code: string;
  stackTrace: string | null;
  /** A 503 whose page tells the person to try again ("has not been saved … try again" on a form). */
  saysTryAgain: boolean;
}

export type Observed = { reply: Reply; record: RequestRecord } | { reply: null; record: RequestRecord };

/** The run's clock (milliseconds since the load started) and its log of requests. */
export class RunLog {
  private origin = performance.now();
  /** Run time 0 as epoch milliseconds, to compare with times PostgreSQL recorded. */
  epochOrigin = Date.now();
  readonly requests: RequestRecord[] = [];

  /** Time zero: when the simulated members start. */
  startClock(): void {
    this.origin = performance.now();
    this.epochOrigin = Date.now();
  }

  now(): number {
    return performance.now() - this.origin;
  }

  async send(base: URL, browser: Browser, purpose: string, path: string, form?: FormFields): Promise<Observed> {
    const startedAt = this.now();
    return this.settle(form ? "POST" : "GET", purpose, path, startedAt, send(base, browser, path, { form }));
  }

  /** Waits for a reply (or its absence) and logs it. */
  async settle(
    method: "GET" | "POST",
    purpose: string,
    path: string,
    startedAt: number,
    pending: Promise<Reply>,
  ): Promise<Observed> {
    const asked = { method, purpose, path, startedAt };
    try {
      const reply = await pending;
      const record: RequestRecord = {
        ...asked,
        endedAt: this.now(),
        status: reply.status,
        failure: null,
        code: String(reply.status),
        stackTrace: stackTraceIn(reply.body),
        saysTryAgain: reply.status === 503 && /try again/i.test(reply.body),
      };
      this.requests.push(record);
      return { reply, record };
    } catch (error) {
      if (!(error instanceof NoResponse)) throw error;
      const record: RequestRecord = {
        ...asked,
        endedAt: this.now(),
        status: null,
        failure: error.failure,
        code: error.code,
        stackTrace: null,
        saysTryAgain: false,
      };
      this.requests.push(record);
      return { reply: null, record };
    }
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
