// A simulation of the real-traffic mix beyond one machine (issue 16): N app instances behind a load
// balancer, a PostgreSQL primary, optionally a read replica for lists, search and dashboards, and a
// CDN in front of signed-out pages. npm run bench -- --only capacity
//
// It is a queueing model, not a measurement: each request is served first by an app core (Node's
// CPU for it), then by a PostgreSQL core (its CPU for it), each a random time (Erlang-4: spread
// about half its mean) around the means measured on the mix (docs/benchmarks/2026-12-07-memory.md),
// first come first served, with requests arriving at random (Poisson) at a given rate. For each
// set-up it prints the ceiling (cores ÷ CPU per request), the p95 when nearly idle, the highest rate
// at which the p95 stays under 250 ms, and the p95 at the 300 requests a second.
// What it leaves out (network, connection pools, locks, cache warm-up) only makes real figures worse.
import { Rng } from "../../prisma/seed/demo-community";

/** Node and PostgreSQL CPU per request on the mix (run 5 of 2026-12-07: one process, heap 256 MB). */
export const MEASURED = { nodeMs: 26.5, postgresMs: 30.7 };

/** Of the mix's requests, the share that are lists, searches and dashboards (real-traffic.ts: 18 + 12 + 3 + 9). */
const REPLICA_READS = 0.42;
/** Assumed: the share of PostgreSQL's time those take (counting, ranking, aggregating on a miss; a
 * story page reads a few rows by key). The single-request table of 2026-12-06 puts it near 0.8. */
const REPLICA_SHARE_OF_POSTGRES = 0.8;
/** Signed-out page reads a CDN could answer: 70% of reads are signed out, the API is not kept. */
const SIGNED_OUT_PAGES = 0.7 * 0.92;

export interface SetUp {
  name: string;
  /** App instances of 2 cores each. */
  instances: number;
  /** PostgreSQL primary cores; 0: on the app's own cores (one machine). */
  primaryCores: number;
  /** Read replica cores (lists, search, dashboards); 0: none. */
  replicaCores: number;
  /** The share of signed-out page reads a CDN answers. */
  cdnHitRatio: number;
}

class Station {
  private busy = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(readonly cores: number) {}
  /** Runs `done` after this station has served `ms` of work for the request. */
  serve(sim: Simulation, ms: number, done: () => void) {
    const start = () => {
      this.busy++;
      sim.at(sim.now + ms, () => {
        this.busy--;
        this.waiting.shift()?.();
        done();
      });
    };
    if (this.busy < this.cores) start();
    else this.waiting.push(start);
  }
  get queued(): number {
    return this.waiting.length;
  }
}

class Simulation {
  now = 0;
  private readonly events: { time: number; run: () => void }[] = [];
  at(time: number, run: () => void) {
    // A binary heap on time.
    const events = this.events;
    events.push({ time, run });
    for (let i = events.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (events[parent]!.time <= events[i]!.time) break;
      [events[parent], events[i]] = [events[i]!, events[parent]!];
      i = parent;
    }
  }
  next(): boolean {
    const events = this.events;
    const top = events[0];
    if (!top) return false;
    const last = events.pop()!;
    if (events.length > 0) {
      events[0] = last;
      for (let i = 0; ;) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let least = i;
        if (l < events.length && events[l]!.time < events[least]!.time) least = l;
        if (r < events.length && events[r]!.time < events[least]!.time) least = r;
        if (least === i) break;
        [events[least], events[i]] = [events[i]!, events[least]!];
        i = least;
      }
    }
    this.now = top.time;
    top.run();
    return true;
  }
}

/** p95 latency in ms of `requests` requests arriving at `rate` a second; Infinity if the queues grow without end. */
export function simulate(setUp: SetUp, rate: number, requests = 20_000, seed = 1): number {
  const rng = new Rng(seed); // seeded, so a run is the same every time
  const random = () => rng.float();
  const exp = (mean: number) => -Math.log(1 - random()) * mean;
  const work = (mean: number) => exp(mean / 4) + exp(mean / 4) + exp(mean / 4) + exp(mean / 4);
  const sim = new Simulation();
  const app = new Station(setUp.instances * 2);
  const primary = setUp.primaryCores > 0 ? new Station(setUp.primaryCores) : app;
  const replica = setUp.replicaCores > 0 ? new Station(setUp.replicaCores) : primary;
  const replicaMs = (MEASURED.postgresMs * REPLICA_SHARE_OF_POSTGRES) / REPLICA_READS;
  const primaryMs = (MEASURED.postgresMs * (1 - REPLICA_SHARE_OF_POSTGRES)) / (1 - REPLICA_READS);
  const latencies: number[] = [];
  const warmUp = requests / 10;
  let sent = 0;
  const arrive = () => {
    const began = sim.now;
    const index = sent++;
    const finish = () => {
      if (index >= warmUp) latencies.push(sim.now - began);
    };
    if (random() < SIGNED_OUT_PAGES * setUp.cdnHitRatio) sim.at(sim.now + 5, finish);
    else {
      const toReplica = random() < REPLICA_READS;
      app.serve(sim, work(MEASURED.nodeMs), () =>
        (toReplica ? replica : primary).serve(sim, work(toReplica ? replicaMs : primaryMs), finish),
      );
    }
    if (sent < requests) sim.at(sim.now + exp(1000 / rate), arrive);
  };
  sim.at(0, arrive);
  while (sim.next()) {
    // A queue longer than a minute's arrivals: the set-up cannot keep up at this rate.
    if (app.queued + primary.queued + replica.queued > rate * 60) return Infinity;
  }
  latencies.sort((a, b) => a - b);
  return latencies[Math.floor(latencies.length * 0.95)] ?? Infinity;
}

/** The highest rate (to 5%) at which the p95 stays under `p95Ms`; 0 if it is over even when idle. */
export function capacity(setUp: SetUp, p95Ms: number): number {
  if (simulate(setUp, 1) >= p95Ms) return 0;
  let [low, high] = [1, 1];
  while (simulate(setUp, high) < p95Ms && high < 100_000) [low, high] = [high, high * 2];
  while (high - low > low * 0.05) {
    const middle = (low + high) / 2;
    if (simulate(setUp, middle) < p95Ms) low = middle;
    else high = middle;
  }
  return low;
}

export const SET_UPS: SetUp[] = [
  {
    name: "one machine, 2 cores (app and PostgreSQL together)",
    instances: 1,
    primaryCores: 0,
    replicaCores: 0,
    cdnHitRatio: 0,
  },
  {
    name: "1 app instance + PostgreSQL on its own 2 cores",
    instances: 1,
    primaryCores: 2,
    replicaCores: 0,
    cdnHitRatio: 0,
  },
  { name: "4 app instances + PostgreSQL, 2 cores", instances: 4, primaryCores: 2, replicaCores: 0, cdnHitRatio: 0 },
  { name: "4 app instances + PostgreSQL, 8 cores", instances: 4, primaryCores: 8, replicaCores: 0, cdnHitRatio: 0 },
  {
    name: "4 app instances + PostgreSQL 2 cores + read replica 8 cores",
    instances: 4,
    primaryCores: 2,
    replicaCores: 8,
    cdnHitRatio: 0,
  },
  {
    name: "8 app instances + PostgreSQL 4 cores + read replica 8 cores",
    instances: 8,
    primaryCores: 4,
    replicaCores: 8,
    cdnHitRatio: 0,
  },
  {
    name: "the same + a CDN answering 10% of signed-out pages (the app's own hit ratio on the mix)",
    instances: 8,
    primaryCores: 4,
    replicaCores: 8,
    cdnHitRatio: 0.1,
  },
  {
    name: "the same + a CDN answering 50% of signed-out pages",
    instances: 8,
    primaryCores: 4,
    replicaCores: 8,
    cdnHitRatio: 0.5,
  },
];

/** Requests a second at which some set of cores is busy all the time. */
export function ceiling(setUp: SetUp): number {
  const replicaMs = MEASURED.postgresMs * REPLICA_SHARE_OF_POSTGRES;
  const primaryMs = MEASURED.postgresMs - replicaMs;
  // Requests a second that a set of cores spending `ms` a request can serve, when a CDN answers some.
  const served = (cores: number, ms: number) => (cores * 1000) / ms / (1 - SIGNED_OUT_PAGES * setUp.cdnHitRatio);
  const appCores = setUp.instances * 2;
  if (setUp.primaryCores === 0) return served(appCores, MEASURED.nodeMs + MEASURED.postgresMs);
  if (setUp.replicaCores === 0)
    return Math.min(served(appCores, MEASURED.nodeMs), served(setUp.primaryCores, MEASURED.postgresMs));
  return Math.min(
    served(appCores, MEASURED.nodeMs),
    served(setUp.primaryCores, primaryMs),
    served(setUp.replicaCores, replicaMs),
  );
}

export function benchCapacity(): void {
  console.log(
    `## Capacity, simulated (Node ${MEASURED.nodeMs} ms + PostgreSQL ${MEASURED.postgresMs} ms of CPU a request; ${REPLICA_SHARE_OF_POSTGRES * 100}% of PostgreSQL's time in lists, search and dashboards)`,
  );
  console.log(
    "| set-up | ceiling, requests a second | p95 at 5 a second | requests a second with p95 < 250 ms | p95 at 300 a second |",
  );
  console.log("| --- | --- | --- | --- | --- |");
  const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : "cannot keep up");
  for (const setUp of SET_UPS) {
    console.log(
      `| ${setUp.name} | ${ceiling(setUp).toFixed(0)} | ${ms(simulate(setUp, 5))} | ${capacity(setUp, 250).toFixed(0)} | ${ms(300 < ceiling(setUp) ? simulate(setUp, 300) : Infinity)} |`,
    );
  }
}
