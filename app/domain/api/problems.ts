// Errors of the public API as RFC 9457 problem details (application/problem+json). Each kind has a
// stable type URI, explained on the API guide (/about/api#problem-<kind>), so clients can branch on
// the type and people can read what went wrong and what to do.

export const PROBLEM_TYPES = {
  "invalid-parameters": {
    status: 400,
    title: "Invalid parameters",
    explanation:
      "A query parameter is unknown, repeated or has a value we cannot use. The errors list names each one with what is wrong.",
  },
  "bad-request": {
    status: 400,
    title: "Bad request",
    explanation:
      "The address could not be read: an invalid percent-encoding (such as %FF) or a control character in it. Check how the address was built.",
  },
  unauthorized: {
    status: 401,
    title: "Invalid API key",
    explanation:
      "The Authorization header is not a valid, active API key. Keys that have been revoked stop working at once. Send no Authorization header to use the API without a key.",
  },
  "not-found": {
    status: 404,
    title: "Not found",
    explanation: "There is no such published story, or a filter names a tag, council or region that does not exist.",
  },
  "method-not-allowed": {
    status: 405,
    title: "Method not allowed",
    explanation: "The API is read-only: use GET (or HEAD).",
  },
  "too-large": {
    status: 413,
    title: "Request too large",
    explanation: "The request carried a body larger than 16 KB. The API only reads: send GET requests with no body.",
  },
  "uri-too-long": {
    status: 414,
    title: "Address too long",
    explanation: "The address is longer than 8,192 characters. Use fewer or shorter query parameters.",
  },
  "rate-limited": {
    status: 429,
    title: "Too many requests",
    explanation: "You have used up this minute's requests. Wait for the number of seconds in the Retry-After header.",
  },
  internal: {
    status: 500,
    title: "Something went wrong on our side",
    explanation: "An error we did not expect. It has been logged; please try again later.",
  },
  unavailable: {
    status: 503,
    title: "Service unavailable",
    explanation:
      "We cannot reach our database at the moment. Try again after the number of seconds in the Retry-After header.",
  },
} as const satisfies Record<string, { status: number; title: string; explanation: string }>;

export type ProblemKind = keyof typeof PROBLEM_TYPES;

/** One query (or path) parameter that was refused, and why. */
export interface ParameterError {
  parameter: string;
  detail: string;
}

export interface Problem {
  kind: ProblemKind;
  detail: string;
  errors?: ParameterError[];
}

/** The JSON body of a problem response. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: ParameterError[];
}

/** Where a kind of problem is explained, under the site's address. */
export function problemTypeUri(origin: string, kind: ProblemKind): string {
  return `${origin}/about/api#problem-${kind}`;
}

export function problemDocument(problem: Problem, origin: string): ProblemDocument {
  const { status, title } = PROBLEM_TYPES[problem.kind];
  return {
    type: problemTypeUri(origin, problem.kind),
    title,
    status,
    detail: problem.detail,
    ...(problem.errors && problem.errors.length > 0 ? { errors: problem.errors } : {}),
  };
}

/** A 400 naming every refused parameter; the detail sums them up in one sentence. */
export function invalidParameters(errors: ParameterError[]): Problem {
  const names = errors.map((error) => error.parameter);
  const detail =
    errors.length === 1 && errors[0]
      ? `The ${errors[0].parameter} parameter is not valid: ${errors[0].detail}`
      : `These parameters are not valid: ${names.join(", ")}. See errors for each one.`;
  return { kind: "invalid-parameters", detail, errors };
}
