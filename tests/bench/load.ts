// Drives one server with autocannon: a fixed number of concurrent connections on loopback, each
// request built afresh (ids, members, client addresses rotate), every latency recorded so the
// percentiles are exact (autocannon's own summary has no p95).
import autocannon from "autocannon";

import type { BenchRequest } from "./scenarios";

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Answers with any other status than the expected one. */
  unexpected: number;
  statuses: Record<number, number>;
}

export const CONNECTIONS = 20;

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

export async function drive(
  baseUrl: string,
  makeRequest: (n: number) => BenchRequest,
  options: { expectStatus: number; seconds?: number; amount?: number; extraHeaders?: Record<string, string> },
): Promise<LoadResult> {
  let n = 0;
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const began = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: CONNECTIONS,
        ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
        timeout: 30,
        requests: [
          {
            setupRequest: (request) => {
              const next = makeRequest(n++);
              return {
                ...request,
                method: next.method,
                path: next.path,
                headers: { ...next.headers, ...options.extraHeaders },
                body: next.body ?? "",
              };
            },
          },
        ],
      },
      (error: unknown, done) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
  const seconds = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  const unexpected = Object.entries(statuses).reduce(
    (sum, [status, count]) => (Number(status) === options.expectStatus ? sum : sum + count),
    0,
  );
  return {
    requests: latencies.length,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    errors: result.errors + result.timeouts,
    unexpected,
    statuses,
  };
}

/**
 * A short warm-up, then a measured run sized from the warm-up's rate to last about `seconds`,
 * never fewer than `minRequests` (nor more than `maxRequests`, for rate-limited writes).
 * `cpu` reads CPU counters (ms) before and after the measured run; the result has them per request.
 */
export async function measure(
  baseUrl: string,
  makeRequest: (n: number) => BenchRequest,
  options: {
    expectStatus: number;
    warmupSeconds: number;
    seconds: number;
    minRequests: number;
    maxRequests?: number;
    extraHeaders?: Record<string, string>;
    cpu: () => Record<string, number>;
  },
): Promise<LoadResult & { cpuMsPerRequest: Record<string, number> }> {
  const warmup = await drive(baseUrl, makeRequest, {
    expectStatus: options.expectStatus,
    seconds: options.warmupSeconds,
    extraHeaders: options.extraHeaders,
  });
  const wanted = Math.max(options.minRequests, Math.round(warmup.rps * options.seconds));
  const amount = Math.min(
    wanted,
    options.maxRequests ? Math.max(options.minRequests, options.maxRequests - warmup.requests) : wanted,
  );
  const before = options.cpu();
  const result = await drive(baseUrl, makeRequest, {
    expectStatus: options.expectStatus,
    amount,
    extraHeaders: options.extraHeaders,
  });
  const after = options.cpu();
  const cpuMsPerRequest = Object.fromEntries(
    Object.entries(after).map(([key, value]) => [key, (value - (before[key] ?? NaN)) / result.requests]),
  );
  return { ...result, cpuMsPerRequest };
}
