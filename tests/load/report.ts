// Turns what the load test saw into tables and pass/fail requirements.
import { REQUEST_TIMEOUT_MS } from "./http";
import type { Submission, WriteKind } from "./members";
import type { RequestRecord } from "./record";
import type { ShutdownResult } from "./shutdown";
import type { Reconciliation } from "./verify";

/** A Markdown table, padded so it also reads well in a terminal. */
export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((row) => row.map(String))];
  const widths = head.map((_, i) => Math.max(3, ...cells.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) =>
    `| ${widths.map((width, i) => (i === 0 ? (row[i] ?? "").padEnd(width) : (row[i] ?? "").padStart(width))).join(" | ")} |`;
  const rule = `| ${widths.map((width, i) => (i === 0 ? "-".repeat(width) : `${"-".repeat(width - 1)}:`)).join(" | ")} |`;
  return [line(cells[0] ?? []), rule, ...cells.slice(1).map(line)].join("\n");
}

export interface Timeline {
  dbStopAskedAt: number;
  dbStoppedAt: number;
  dbBackAt: number;
  /** First GET / answered 200 with the normal home page after PostgreSQL came back. */
  homeOkAt: number | null;
  appKilledAt: number;
  appReadyAt: number;
  runEndedAt: number;
}

export interface Requirement {
  name: string;
  pass: boolean;
  detail: string;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Why a request got no useful answer, and whether the person was told clearly. */
export function describeFailure(
  record: Pick<RequestRecord, "status" | "failure" | "endedAt" | "saysTryAgain">,
  timeline: Timeline,
): { label: string; clear: boolean } | null {
  const appDown = record.endedAt >= timeline.appKilledAt && record.endedAt <= timeline.appReadyAt;
  if (record.status !== null) {
    if (record.status === 503)
      return record.saysTryAgain
        ? { label: "503: try again", clear: true }
        : { label: "503 without a retry message", clear: false };
    if (record.status >= 500) return { label: `${record.status} server error`, clear: false };
    return null;
  }
  if (record.failure === "refused")
    return { label: appDown ? "refused: app down" : "refused while the app was up", clear: appDown };
  if (record.failure === "dropped")
    return { label: appDown ? "cut off: app killed" : "cut off while the app was up", clear: appDown };
  return { label: "timed out", clear: false };
}

export function report({
  requests,
  reconciliation,
  timeline,
  shutdown,
  crashes,
}: {
  requests: RequestRecord[];
  reconciliation: Reconciliation;
  timeline: Timeline;
  shutdown: ShutdownResult;
  /** What each app that exited without being told to printed last. */
  crashes: string[];
}): { text: string; requirements: Requirement[] } {
  const out: string[] = [
    "Each member opens a form (GET), thinks for 0.5–2.5 s and posts it; a story is previewed first. A post",
    `that fails or gets no answer in ${REQUEST_TIMEOUT_MS / 1000} s is sent again with the same submission key after 1, 2, 3 and 4 s.`,
    "",
  ];
  const { verdicts } = reconciliation;

  // ---- Writes ----
  const kinds: (WriteKind | "all")[] = ["story", "reply", "all"];
  const of = (kind: WriteKind | "all") => verdicts.filter((v) => kind === "all" || v.submission.kind === kind);
  // What the person was finally told about a write they gave up on.
  const finalAnswer = (submission: Submission) => {
    const last = submission.attempts.at(-1);
    return last ? describeFailure(last, timeline) : null;
  };
  const count = (predicate: (v: (typeof verdicts)[number]) => boolean) =>
    kinds.map((kind) => of(kind).filter(predicate).length);
  const writeRows: [string, number[]][] = [
    ["attempted (distinct submissions)", count(() => true)],
    ["  sent more than once (retried with the same key)", count((v) => v.submission.attempts.length > 1)],
    ["  saved by an earlier try, so the key stopped a duplicate", count((v) => v.savedBeforeRetry)],
    ["acknowledged (302 to the new story or reply)", count((v) => v.submission.outcome === "acknowledged")],
    [
      "failed with a clear error (gave up after retries)",
      count((v) => v.submission.outcome === "failed" && finalAnswer(v.submission)?.clear === true),
    ],
    [
      "failed without a clear error",
      count((v) => v.submission.outcome === "failed" && finalAnswer(v.submission)?.clear !== true),
    ],
    ["refused by rate limit (429)", count((v) => v.submission.outcome === "rate limited")],
    ["turned down (other 4xx)", count((v) => v.submission.outcome === "turned down")],
    ["found in the database", count((v) => v.rows.length > 0)],
    ["  saved, though the reply was an error", count((v) => v.savedUnacknowledged)],
    ['  told 503 "not saved" by the very try that saved it', count((v) => v.misreported)],
    ["  held for moderation (not published)", count((v) => v.rows.some((row) => row.status !== "published"))],
    ["duplicated (in the database more than once)", count((v) => v.duplicated)],
    ["lost (acknowledged, not in the database)", count((v) => v.lost)],
    ["row does not match what was sent", count((v) => v.mismatch !== null)],
  ];
  out.push(
    "Writes",
    table(
      ["", "stories", "replies", "all"],
      writeRows.map(([label, values]) => [label, ...values]),
    ),
  );
  const unacknowledged = new Map<string, number>();
  for (const verdict of verdicts.filter((v) => v.savedUnacknowledged)) {
    const last = verdict.submission.attempts.at(-1);
    const label = last ? (describeFailure(last, timeline)?.label ?? `answered ${last.code}`) : "never sent";
    unacknowledged.set(label, (unacknowledged.get(label) ?? 0) + 1);
  }
  if (unacknowledged.size) {
    out.push(
      "",
      "Saved, though the person was last told it failed (a refresh shows it)",
      table(["last answer", "count"], [...unacknowledged]),
    );
  }
  if (reconciliation.strays > 0)
    out.push(`Rows with this run's marker that match no submission: ${reconciliation.strays}`);

  // ---- Requests ----
  const purposes = [...new Set(requests.map((r) => r.purpose))];
  const requestRows = purposes.map((purpose) => {
    const rows = requests.filter((r) => r.purpose === purpose);
    const by = (predicate: (r: RequestRecord) => boolean) => rows.filter(predicate).length;
    return [
      purpose,
      rows.length,
      by((r) => r.status !== null && r.status < 300),
      by((r) => r.status !== null && r.status >= 300 && r.status < 400),
      by((r) => r.status === 429),
      by((r) => r.status !== null && r.status >= 400 && r.status < 500 && r.status !== 429),
      by((r) => r.status === 503),
      by((r) => r.status !== null && r.status >= 500 && r.status !== 503),
      by((r) => r.failure === "refused"),
      by((r) => r.failure === "dropped"),
      by((r) => r.failure === "timed out"),
      percentile(
        rows.filter((r) => r.status !== null),
        0.5,
      ),
      percentile(
        rows.filter((r) => r.status !== null),
        0.95,
      ),
    ];
  });
  out.push(
    "",
    "HTTP requests (every try, including retries)",
    table(
      [
        "",
        "sent",
        "2xx",
        "3xx",
        "429",
        "4xx",
        "503",
        "other 5xx",
        "refused",
        "cut off",
        "timed out",
        "median ms",
        "p95 ms",
      ],
      requestRows,
    ),
  );

  // ---- Timeline ----
  const buckets: (string | number)[][] = [];
  const writes = requests.filter((r) => r.purpose === "publish story" || r.purpose === "post reply");
  for (let from = 0; from < timeline.runEndedAt; from += 5_000) {
    const inBucket = writes.filter((r) => r.startedAt >= from && r.startedAt < from + 5_000);
    const events = [
      [timeline.dbStopAskedAt, "PostgreSQL stopping"],
      [timeline.dbBackAt, "PostgreSQL back"],
      [timeline.appKilledAt, "app killed"],
      [timeline.appReadyAt, "app ready again"],
    ]
      .filter(([at]) => (at as number) >= from && (at as number) < from + 5_000)
      .map(([at, what]) => `${what} at ${seconds(at as number)}`);
    buckets.push([
      `${String(from / 1000).padStart(2)}–${from / 1000 + 5} s`,
      inBucket.length,
      inBucket.filter((r) => r.status === 302 || r.status === 303).length,
      inBucket.filter((r) => r.status === 503).length,
      inBucket.filter((r) => r.status === null).length,
      inBucket.filter((r) => r.status === 429).length,
      events.join("; ") || "",
    ]);
  }
  out.push(
    "",
    "Write requests by time sent",
    table(["run time", "sent", "saved", "503", "no answer", "429", "event"], buckets),
  );

  // ---- Faults ----
  const recoveryMs = timeline.homeOkAt === null ? null : timeline.homeOkAt - timeline.dbBackAt;
  const firstSavedAfter = (at: number) => {
    const first = writes
      .filter((r) => r.startedAt >= at && (r.status === 302 || r.status === 303))
      .sort((a, b) => a.endedAt - b.endedAt)[0];
    return first ? `${seconds(first.endedAt)} (+${seconds(first.endedAt - at)})` : "none";
  };
  out.push(
    "",
    "Faults",
    table(
      ["event", "run time", "figure"],
      [
        ["PostgreSQL asked to stop (fast shutdown)", seconds(timeline.dbStopAskedAt), ""],
        [
          "PostgreSQL stopped",
          seconds(timeline.dbStoppedAt),
          `shutdown took ${seconds(timeline.dbStoppedAt - timeline.dbStopAskedAt)}`,
        ],
        [
          "PostgreSQL accepting connections again",
          seconds(timeline.dbBackAt),
          `down ${seconds(timeline.dbBackAt - timeline.dbStoppedAt)}`,
        ],
        [
          "first GET / → 200 after that",
          timeline.homeOkAt === null ? "never" : seconds(timeline.homeOkAt),
          recoveryMs === null ? "" : `${recoveryMs.toFixed(0)} ms after PostgreSQL`,
        ],
        ["first write saved after PostgreSQL back", firstSavedAfter(timeline.dbBackAt), ""],
        ["app killed (SIGKILL)", seconds(timeline.appKilledAt), ""],
        [
          "app answering /healthz again",
          seconds(timeline.appReadyAt),
          `down ${seconds(timeline.appReadyAt - timeline.appKilledAt)}`,
        ],
        ["first write saved after the restart", firstSavedAfter(timeline.appReadyAt), ""],
      ],
    ),
  );

  // ---- Failures seen ----
  const failures = new Map<string, { count: number; clear: boolean }>();
  for (const record of requests) {
    const failure = describeFailure(record, timeline);
    if (!failure) continue;
    const key = `${record.purpose}: ${failure.label}`;
    failures.set(key, { count: (failures.get(key)?.count ?? 0) + 1, clear: failure.clear });
  }
  out.push(
    "",
    "Failed requests, and whether the answer was clear",
    failures.size === 0
      ? "(none)"
      : table(
          ["request: what it got", "count", "clear?"],
          [...failures].map(([key, { count: n, clear }]) => [key, n, clear ? "yes" : "NO"]),
        ),
  );
  const traces = requests.filter((r) => r.stackTrace !== null);
  if (traces.length) {
    out.push(
      "",
      "Responses that look like a stack trace",
      table(
        ["request", "status", "excerpt"],
        traces.slice(0, 10).map((r) => [r.purpose, r.status ?? "", r.stackTrace ?? ""]),
      ),
    );
  }

  // ---- Shutdown ----
  out.push(
    "",
    "Graceful shutdown (SIGTERM with requests in flight)",
    table(
      ["request", "in flight at SIGTERM", "answer", "answered after SIGTERM", "as expected"],
      shutdown.requests.map((r) => [
        r.purpose,
        r.inFlight ? "yes (100 Continue)" : "NO",
        r.code,
        seconds(r.answeredMs),
        r.ok ? "yes" : "NO",
      ]),
    ),
    `New connections after SIGTERM: ${shutdown.newConnections.join(", ")}. Exit code ${shutdown.exitCode ?? "none (still running)"}` +
      (shutdown.exitMs === null ? "." : `, ${seconds(shutdown.exitMs)} after SIGTERM.`),
  );

  // ---- Requirements ----
  const acknowledged = verdicts.filter((v) => v.submission.outcome === "acknowledged");
  const exactlyOnce = acknowledged.filter((v) => v.rows.length === 1 && v.mismatch === null);
  const duplicated = verdicts.filter((v) => v.duplicated);
  const failedUnclearly = verdicts.filter(
    (v) => v.submission.outcome === "failed" && finalAnswer(v.submission)?.clear !== true,
  );
  // A slow write that the person then sent again is fine; anything else unexplained is not.
  const unclearWriteAnswers = verdicts
    .flatMap((v) => v.submission.attempts)
    .map((attempt) => describeFailure(attempt, timeline))
    .filter((f) => f !== null && !f.clear && f.label !== "timed out");
  const misreported = verdicts.filter((v) => v.misreported);
  const serverErrors = requests.filter((r) => r.status !== null && r.status >= 500 && r.status !== 503);
  const requirements: Requirement[] = [
    {
      name: "every acknowledged write is in the database exactly once",
      pass: exactlyOnce.length === acknowledged.length && acknowledged.length > 0,
      detail: `${exactlyOnce.length} of ${acknowledged.length}; lost ${verdicts.filter((v) => v.lost).length}`,
    },
    {
      name: "no write is in the database twice, retried ones included",
      pass: duplicated.length === 0 && reconciliation.strays === 0,
      detail: `${duplicated.length} duplicated, ${reconciliation.strays} stray rows; ${verdicts.filter((v) => v.submission.attempts.length > 1).length} submissions were sent more than once`,
    },
    {
      name: "every failed write got a clear answer (503 with the retry message, or refused while the app was dead); no 500, no stack trace",
      pass:
        failedUnclearly.length === 0 &&
        unclearWriteAnswers.length === 0 &&
        misreported.length === 0 &&
        serverErrors.length === 0 &&
        traces.length === 0,
      detail:
        `${failedUnclearly.length} failed writes left unexplained, ${unclearWriteAnswers.length} unclear answers to writes, ` +
        `${misreported.length} "not saved" answers to a try that saved, ` +
        `${serverErrors.length} 5xx other than 503 and ${traces.length} stack traces in ${requests.length} responses`,
    },
    {
      name: "GET / → 200 within 5 s of PostgreSQL returning",
      pass: recoveryMs !== null && recoveryMs <= 5_000,
      detail: recoveryMs === null ? "never" : `${recoveryMs.toFixed(0)} ms`,
    },
    {
      name: "writes are saved again after each fault",
      pass: firstSavedAfter(timeline.dbBackAt) !== "none" && firstSavedAfter(timeline.appReadyAt) !== "none",
      detail: `after PostgreSQL: ${firstSavedAfter(timeline.dbBackAt)}; after the restart: ${firstSavedAfter(timeline.appReadyAt)}`,
    },
    {
      name: "graceful shutdown: in-flight requests finish, new connections refused, exit 0",
      pass:
        shutdown.requests.length > 0 &&
        shutdown.requests.every((r) => r.inFlight && r.ok) &&
        shutdown.newConnections.every((c) => c === "refused") &&
        shutdown.exitCode === 0,
      detail: `${shutdown.requests.filter((r) => r.ok).length} of ${shutdown.requests.length} finished normally; new connections ${shutdown.newConnections.join("/")}; exit ${shutdown.exitCode ?? "none"}`,
    },
    {
      name: "the app never stops by itself",
      pass: crashes.length === 0,
      detail:
        crashes.length === 0
          ? "it stopped only when killed or told to"
          : `${crashes.length} crash(es); the app's last output is below`,
    },
  ];
  out.push(
    "",
    "Requirements",
    table(
      ["requirement", "result", "detail"],
      requirements.map((r) => [r.name, r.pass ? "PASS" : "FAIL", r.detail]),
    ),
  );
  return { text: out.join("\n"), requirements };
}

function percentile(records: RequestRecord[], q: number): number | string {
  const times = records.map((r) => r.endedAt - r.startedAt).sort((a, b) => a - b);
  if (times.length === 0) return "";
  return Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0);
}
