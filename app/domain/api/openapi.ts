// The public API's contract: an OpenAPI 3.1 document, served at /api/v1/openapi.json. Endpoints
// read their allowed query parameters from here (app/server/api/endpoint.server.ts), and the tests
// check every real response against these schemas, so the document cannot drift from the code.
//
// Adding an endpoint: add its path below (reusing the components), a route file
// app/routes/api.v1.<name>.ts calling apiEndpoint("/<name>", ...), and its tests.
import { formatCount } from "../en-gb";
import { STORY_BOUND } from "../posts/bounded-counts";
import { POST_KINDS } from "../posts/post-input";
import { FILTER_NAME_MAX, FIRST_YEAR, MOST_VALUES_PER_FILTER, QUERY_MAX } from "../posts/story-search";
import { CLIENT_GROUPS, NATIONS, PERSPECTIVES, PLAN_LEADS, SUPPORT_ARRANGEMENTS, type TagGroup } from "../taxonomy";

import { PAGE_SIZE } from "./parameters";
import { PROBLEM_TYPES } from "./problems";
import { RATE_LIMIT_POLICIES } from "./rate-limits";

const TAG_GROUPS: TagGroup[] = ["topic", "support_arrangement", "client_group", "feeling"];

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (name: string) => ({ anyOf: [ref(name), { type: "null" }] });
/** An object with these properties and no others; `required` lists those always present, in the document's order. */
const closedObject = (required: readonly string[], properties: object) => ({
  type: "object",
  required,
  additionalProperties: false,
  properties,
});

/** Headers on every API response (except a 503, when the database that counts requests is down). */
const RATE_LIMIT_HEADERS = {
  "RateLimit-Policy": { $ref: "#/components/headers/RateLimit-Policy" },
  RateLimit: { $ref: "#/components/headers/RateLimit" },
};

/** A query parameter of an operation; its example, if any, goes into the guide's example request (/about/api). */
const query = (name: string, description: string, schema: object, example?: string | number) => ({
  name,
  in: "query",
  description,
  schema,
  ...(example === undefined ? {} : { example }),
});
/**
 * A filter that takes several values, each its own parameter (?tag=respite&tag=dementia): any of
 * them matches, and filters together must all match.
 */
const several = (name: string, description: string, item: object, example?: string | number) => ({
  ...query(
    name,
    `${description} Repeat it for several (any of them), at most ${MOST_VALUES_PER_FILTER}.`,
    { type: "array", items: item, maxItems: MOST_VALUES_PER_FILTER },
    example,
  ),
  style: "form",
  explode: true,
});
/** The councils or tags a search used: each one's code or slug, its name, and the name given for it, if one was. */
const usedFilters = (id: string, idSchema: object, name: string) => ({
  type: "array",
  items: closedObject([id, name, "given"], {
    [id]: idSchema,
    [name]: { type: "string" },
    given: { type: ["string", "null"], description: `The name given, or null when the ${id} was.` },
  }),
});
/** A string that is one of a list, or one of a record's keys. */
const oneOf = (values: readonly string[] | Record<string, unknown>) => ({
  type: "string",
  enum: Array.isArray(values) ? values : Object.keys(values),
});

const json = (schema: object) => ({ "application/json": { schema } });
const problem = { "application/problem+json": { schema: ref("Problem") } };

/** A dashboard figure: shown with a value, or withheld with the reason (see /outcomes/about-the-data). */
function figure(value: object) {
  return {
    oneOf: [closedObject(["shown", "value"], { shown: { const: true }, value }), ref("WithheldFigure")],
  };
}

function interval(name: string, description: string, minimum: number, maximum: number) {
  const bounded = { type: "integer", minimum, maximum };
  return closedObject([name, "low", "high"], {
    [name]: { ...bounded, description },
    low: { ...bounded, description: "95% interval, lower end." },
    high: { ...bounded, description: "95% interval, upper end." },
  });
}

/** A success response, and the problems any request can meet (unknown parameters are always possible). */
function responses(
  success: { description: string; schema: object; headers?: object },
  { notFound }: { notFound: boolean },
) {
  return {
    "200": {
      description: success.description,
      headers: { ...RATE_LIMIT_HEADERS, ...success.headers },
      content: json(success.schema),
    },
    "400": { $ref: "#/components/responses/InvalidParameters" },
    "401": { $ref: "#/components/responses/Unauthorized" },
    ...(notFound ? { "404": { $ref: "#/components/responses/NotFound" } } : {}),
    "405": { $ref: "#/components/responses/MethodNotAllowed" },
    "429": { $ref: "#/components/responses/RateLimited" },
    "500": { $ref: "#/components/responses/InternalError" },
    "503": { $ref: "#/components/responses/Unavailable" },
  };
}

const storyProperties = {
  id: {
    type: "integer",
    minimum: 1,
    maximum: 2147483647,
    description:
      "Stable identifier of the story: a random number, so ids say nothing about the order stories were posted in.",
  },
  kind: {
    type: "string",
    enum: Object.keys(POST_KINDS),
    description: "A story, a practice note (from professionals) or a question.",
  },
  title: { type: "string", maxLength: 120 },
  excerpt: { type: "string", description: "The start of the body as plain text, about 220 characters." },
  url: { type: "string", format: "uri", description: "The story's page on the site: cite this." },
  tags: { type: "array", items: ref("TagRef") },
  council: {
    ...nullable("Place"),
    description:
      "The council the story is about, if the author named one and chose to show it (an author can show only the region or the nation).",
  },
  region: {
    ...nullable("Place"),
    description:
      "The English region, or Scotland or Wales, of that council; null when the author chose to show only the nation.",
  },
  perspective: {
    type: ["string", "null"],
    enum: [...Object.keys(PERSPECTIVES), null],
    description:
      "How the author described themselves when posting (carer, person with support needs, social worker…), for anonymous stories only: null for a story shown under the author's name.",
  },
  month: {
    type: "string",
    pattern: "^\\d{4}-(0[1-9]|1[0-2])$",
    examples: ["2026-11"],
    description: "Month of publication (UK time). Never more exact: an exact time could help identify an author.",
  },
  replyCount: {
    type: "integer",
    minimum: 0,
    description:
      "How many published replies the story has (replies waiting for a moderator or removed are not counted).",
  },
  latestReplyMonth: {
    type: ["string", "null"],
    pattern: "^\\d{4}-(0[1-9]|1[0-2])$",
    examples: ["2026-11"],
    description: "Month (UK time) the newest published reply was written; null when there is none. Never more exact.",
  },
};
const storyRequired = Object.keys(storyProperties);

const problemList = Object.entries(PROBLEM_TYPES)
  .map(([kind, type]) => `- \`${kind}\` (${type.status}): ${type.explanation}`)
  .join("\n");

export const OPENAPI = {
  openapi: "3.1.0",
  jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
  info: {
    title: "Fifth Option public API",
    version: "1.0.0",
    summary: "Published stories about adult social care in the UK, and the councils and tags they are filed under.",
    description: [
      "Read-only JSON. Everything here is already public on the site; nothing identifies an author: no names, no exact times.",
      "",
      `Without a key: ${RATE_LIMIT_POLICIES.anonymous.quota} requests a minute per client. Researchers can create a key at /settings/api-keys and send it as \`Authorization: Bearer <key>\` for ${RATE_LIMIT_POLICIES.key.quota} a minute.`,
      "Every response carries the `RateLimit-Policy` and `RateLimit` headers (IETF httpapi ratelimit-headers draft).",
      "",
      "Errors are RFC 9457 problem details (`application/problem+json`). Their `type` is a URL on the site ending in one of:",
      problemList,
      "",
      'Content is licensed CC BY 4.0: cite "Fifth Option" with the story\'s URL and the month you retrieved it.',
    ].join("\n"),
    license: { name: "CC BY 4.0", identifier: "CC-BY-4.0" },
  },
  servers: [{ url: "/api/v1", description: "This site" }],
  // A key is optional: it only raises the rate limit.
  security: [{}, { apiKey: [] }],
  tags: [
    { name: "Stories", description: "Published stories, practice notes and questions." },
    { name: "Reference data", description: "Councils and tags that stories are filed under." },
    {
      name: "Outcomes",
      description: "What members' experience reports add up to, with small groups withheld, as on the dashboard.",
    },
    { name: "About the API", description: "This document." },
  ],
  paths: {
    "/stories": {
      get: {
        operationId: "listStories",
        tags: ["Stories"],
        summary: "Search published stories",
        description:
          "The same search as the site's stories page, newest first unless there are search words. When all the search words together find fewer than 5 published stories (and they are plain words: no quotes, minus signs or `or`), the search is for stories with any of the words instead, those with all of them ranked first; `match.mode` is then `any`, and `match.words` lists the words that counted (common words such as `my` and `has` never count). Every filter but `unanswered` may be repeated: `tag=respite&tag=dementia` finds stories with either tag, and different filters must all match (`tag=respite&council=E06000001`: either… in Hartlepool); the order of repeated values does not matter. `council` and `tag` also take a council's name or a tag's label, in any letter case, with or without words such as `London Borough of` or `Council`, and small misspellings of them (`Haverng`): the name is looked up and used directly (there is no redirect), and `filters` says which councils, tags and arrangements were used and what was given. A name like nothing, or like several councils or tags equally (`Kingston`), is a 400 whose detail lists the closest names. Newest first means by month of publication; within a month the order is by id, which is random, so it says nothing about when in the month a story was published. Walk the pages with `next.url` (or pass `next.cursor` back as `cursor` with the same filters) until `next` is null: every story is listed once, and stories already listed never move (a new story of the current month may appear on a later page).",
        parameters: [
          query("q", 'Search words, web-search style: `"direct payment" -agency`, `respite or "short breaks"`.', {
            type: "string",
            maxLength: QUERY_MAX,
          }),
          several("kind", "Kind of post.", oneOf(POST_KINDS)),
          several(
            "tag",
            "A tag's slug (see /tags), or its label in any letter case (`Dementia`), or a small misspelling of either (`demntia`). A support arrangement's tag (`dp-employer`) is read as that `arrangement` (`dp_employer`): arrangements are one filter, not also tags.",
            { type: "string", maxLength: FILTER_NAME_MAX },
            "respite",
          ),
          several(
            "council",
            "A council's ONS code (see /councils), or its name in any letter case, with or without words such as `London Borough of` or `Council` (`Havering`, `London Borough of Havering`), or a small misspelling of it (`Haverng`).",
            { type: "string", maxLength: FILTER_NAME_MAX },
            "E06000001",
          ),
          several(
            "region",
            "An English region's ONS code, or S92000003 for Scotland, W92000004 for Wales.",
            ref("GssCode"),
          ),
          several("perspective", "The author's perspective.", oneOf(PERSPECTIVES)),
          several(
            "arrangement",
            "A support arrangement: the story has its tag, or an experience report about it is attached to the story.",
            oneOf(SUPPORT_ARRANGEMENTS),
          ),
          several("year", `Year published (UK time), from ${FIRST_YEAR} to this year.`, {
            type: "integer",
            minimum: FIRST_YEAR,
          }),
          query(
            "unanswered",
            "`1`: only stories with no published reply yet. With `kind=question`, the questions still waiting for an answer.",
            oneOf(["1"]),
          ),
          query(
            "sort",
            "`relevance` (the default with search words; needs them) or `newest` (the default without).",
            oneOf(["relevance", "newest"]),
          ),
          { $ref: "#/components/parameters/cursor" },
          { $ref: "#/components/parameters/limit" },
        ],
        responses: responses(
          {
            description: "One page of stories.",
            schema: ref("StoryPage"),
            headers: { Link: { $ref: "#/components/headers/Link" } },
          },
          { notFound: true },
        ),
      },
    },
    "/stories/{id}": {
      get: {
        operationId: "getStory",
        tags: ["Stories"],
        summary: "One published story, with its body",
        parameters: [
          {
            name: "id",
            in: "path",
            required: true,
            description: "The story's id, from a list of stories.",
            schema: { type: "integer", minimum: 1 },
            example: 123456789,
          },
        ],
        responses: responses({ description: "The story.", schema: ref("Story") }, { notFound: true }),
      },
    },
    "/councils": {
      get: {
        operationId: "listCouncils",
        tags: ["Reference data"],
        summary: "Councils with adult social care duties",
        description:
          "England, Scotland and Wales, with their ONS (GSS) codes. Derived from mySociety's list (CC BY 4.0).",
        parameters: [
          query("nation", "Only this nation's councils (any letter case).", oneOf(NATIONS), "Wales"),
          query("region", "Only this region's councils.", ref("GssCode")),
        ],
        responses: responses({ description: "Councils, by name.", schema: ref("CouncilList") }, { notFound: true }),
      },
    },
    "/tags": {
      get: {
        operationId: "listTags",
        tags: ["Reference data"],
        summary: "Tags stories are filed under",
        responses: responses({ description: "Tags, by group.", schema: ref("TagList") }, { notFound: false }),
      },
    },
    "/outcomes": {
      get: {
        operationId: "getOutcomes",
        tags: ["Outcomes"],
        summary: "What experience reports add up to, with small groups withheld",
        description:
          "The figures of an outcomes dashboard view: one council, region or nation (or, with none of them, every nation and its councils), over a period of quarters, optionally for one group of people. Every figure is either shown (`shown: true` with a value: counts rounded to 5, shares and net scores in whole percent with 95% intervals) or withheld with a reason (`fewer-than-5`, `secondary`: withheld so that a small group cannot be worked out from totals, `small-group`: a net score whose better, same or worse group has fewer than 5 reports while its answers number 5 or more, `too-few-values`: a median from fewer than 10 values). The rules are the dashboard's: see /outcomes/about-the-data.",
        parameters: [
          query("council", "A council's ONS code.", ref("GssCode"), "E06000001"),
          query("region", "A region's ONS code (Scotland is S92000003, Wales W92000004).", ref("GssCode")),
          query("nation", "England, Scotland or Wales.", oneOf(NATIONS)),
          query("from", "First quarter, like 2025-Q1. Default: 11 quarters before `to`.", ref("Quarter"), "2025-Q1"),
          query(
            "to",
            "Last quarter, like 2026-Q4. Default: the current quarter. At most 20 quarters in all.",
            ref("Quarter"),
          ),
          query("perspective", "Only reports from this perspective.", oneOf(PERSPECTIVES)),
          query("arrangement", "Only reports about this kind of support.", oneOf(SUPPORT_ARRANGEMENTS)),
          query("client", "Only reports about this group of people.", oneOf(CLIENT_GROUPS)),
          query("lead", "Only reports where this person or body led the support plan.", oneOf(PLAN_LEADS)),
        ],
        responses: responses(
          { description: "The view's figures, with the licence and a citation line.", schema: ref("Outcomes") },
          { notFound: true },
        ),
      },
    },
    "/openapi.json": {
      get: {
        operationId: "getOpenApiDocument",
        tags: ["About the API"],
        summary: "This document",
        responses: responses(
          {
            description: "The OpenAPI 3.1 document.",
            schema: {
              type: "object",
              required: ["openapi", "paths"],
              properties: { openapi: { type: "string", pattern: "^3\\.1\\." }, paths: { type: "object" } },
            },
          },
          { notFound: false },
        ),
      },
    },
  },
  components: {
    securitySchemes: {
      apiKey: {
        type: "http",
        scheme: "bearer",
        description:
          "An API key from /settings/api-keys (researchers, moderators and admins). A revoked or unknown key is refused with 401, never ignored.",
      },
    },
    parameters: {
      cursor: {
        name: "cursor",
        in: "query",
        description:
          "Where the next page starts: `next.cursor` from the previous page, with the other parameters the same. A cursor is opaque and sealed (encrypted and authenticated): it cannot be read, changed or made up, and it only opens for the search it came from. A damaged, altered, made-up or out-of-date cursor, or one from another search, is refused with a 400 problem naming the `cursor` parameter; start again from the first page.",
        schema: { type: "string", pattern: "^[A-Za-z0-9_-]{1,200}$" },
      },
      limit: {
        name: "limit",
        in: "query",
        description: `Items per page, ${PAGE_SIZE.min} to ${PAGE_SIZE.max}.`,
        schema: { type: "integer", minimum: PAGE_SIZE.min, maximum: PAGE_SIZE.max, default: PAGE_SIZE.default },
        example: 50,
      },
    },
    headers: {
      "RateLimit-Policy": {
        description: `The quota of the policy that applies: \`"anonymous";q=${RATE_LIMIT_POLICIES.anonymous.quota};w=60\` without a key, \`"key";q=${RATE_LIMIT_POLICIES.key.quota};w=60\` with one (q requests per w seconds).`,
        required: true,
        schema: { type: "string", pattern: '^"(anonymous|key)";q=\\d+;w=\\d+$' },
      },
      RateLimit: {
        description: "What is left: r requests until the quota resets in t seconds.",
        required: true,
        schema: { type: "string", pattern: '^"(anonymous|key)";r=\\d+;t=\\d+$' },
      },
      "Retry-After": {
        description: "Seconds to wait before trying again.",
        required: true,
        schema: { type: "string", pattern: "^\\d+$" },
      },
      Link: {
        description:
          'Links (RFC 8288): the next page as `<url>; rel="next"` when there is one, the data package describing the answer\'s CSV download as `<url>; rel="describedby"` (stories and outcomes), and always the licence as `<https://creativecommons.org/licenses/by/4.0/>; rel="license"`.',
        schema: { type: "string" },
      },
    },
    responses: {
      InvalidParameters: {
        description: "A parameter is unknown, repeated or invalid; `errors` names each one.",
        headers: RATE_LIMIT_HEADERS,
        content: problem,
      },
      Unauthorized: {
        description: "The Authorization header is not a valid, active API key.",
        headers: { ...RATE_LIMIT_HEADERS, "WWW-Authenticate": { schema: { type: "string" }, required: true } },
        content: problem,
      },
      NotFound: {
        description: "No such published story, or a filter names a tag, council or region that does not exist.",
        headers: RATE_LIMIT_HEADERS,
        content: problem,
      },
      RateLimited: {
        description: "Too many requests.",
        headers: { ...RATE_LIMIT_HEADERS, "Retry-After": { $ref: "#/components/headers/Retry-After" } },
        content: problem,
      },
      MethodNotAllowed: {
        description: "The API is read-only.",
        headers: { ...RATE_LIMIT_HEADERS, Allow: { schema: { type: "string" }, required: true } },
        content: problem,
      },
      InternalError: {
        description: "An error we did not expect.",
        headers: RATE_LIMIT_HEADERS,
        content: problem,
      },
      Unavailable: {
        description: "The database cannot be reached.",
        headers: { "Retry-After": { $ref: "#/components/headers/Retry-After" } },
        content: problem,
      },
    },
    schemas: {
      Quarter: { type: "string", pattern: "^\\d{4}-Q[1-4]$", examples: ["2025-Q1"] },
      WithheldFigure: closedObject(["shown", "reason"], {
        shown: { const: false },
        reason: { type: "string", enum: ["fewer-than-5", "secondary", "small-group", "too-few-values"] },
      }),
      CountFigure: figure({ type: "integer", minimum: 5, multipleOf: 5, description: "Rounded to the nearest 5." }),
      ShareFigure: figure(interval("percent", "Whole percent, from the unrounded counts.", 0, 100)),
      NetScoreFigure: figure(interval("score", "Percent better minus percent worse, whole points.", -100, 100)),
      SpreadFigure: figure(
        closedObject(["median", "lowerQuartile", "upperQuartile", "values"], {
          median: { type: "number" },
          lowerQuartile: { type: "number" },
          upperQuartile: { type: "number" },
          values: { type: "integer", description: "How many values, rounded to 5." },
        }),
      ),
      Category: closedObject(["key", "label", "count", "share"], {
        key: { type: "string" },
        label: { type: "string" },
        count: ref("CountFigure"),
        share: ref("ShareFigure"),
      }),
      Breakdown: closedObject(["total", "categories"], {
        total: ref("CountFigure"),
        categories: { type: "array", items: ref("Category") },
      }),
      OutcomeDomain: closedObject(["slug", "label", "carersOnly", "respondents", "ratings", "notRelevant", "net"], {
        slug: { type: "string" },
        label: { type: "string" },
        carersOnly: { type: "boolean" },
        respondents: ref("CountFigure"),
        ratings: {
          type: "array",
          items: ref("Category"),
          description: "Shares of those for whom the area of life was relevant.",
        },
        notRelevant: ref("Category"),
        net: ref("NetScoreFigure"),
      }),
      OutcomeView: closedObject(
        [
          "reports",
          "supportArrangements",
          "planLeads",
          "budgetChanges",
          "domains",
          "hourlyRate",
          "paidHours",
          "unpaidHours",
          "trend",
        ],
        {
          reports: ref("CountFigure"),
          supportArrangements: ref("Breakdown"),
          planLeads: ref("Breakdown"),
          budgetChanges: ref("Breakdown"),
          domains: { type: "array", items: ref("OutcomeDomain") },
          hourlyRate: { ...ref("SpreadFigure"), description: "Pence an hour." },
          paidHours: { ...ref("SpreadFigure"), description: "Hours a week." },
          unpaidHours: { ...ref("SpreadFigure"), description: "Hours a week." },
          trend: {
            type: "array",
            items: closedObject(["quarterStart", "label", "reports", "qualityOfLife"], {
              quarterStart: { type: "string", format: "date" },
              label: { type: "string" },
              reports: ref("CountFigure"),
              qualityOfLife: ref("NetScoreFigure"),
            }),
          },
        },
      ),
      CouncilFigures: closedObject(
        ["code", "name", "regionCode", "regionName", "reports", "qualityOfLife", "selfLed"],
        {
          code: ref("GssCode"),
          name: { type: "string" },
          regionCode: ref("GssCode"),
          regionName: { type: "string" },
          reports: ref("CountFigure"),
          qualityOfLife: ref("NetScoreFigure"),
          selfLed: ref("ShareFigure"),
        },
      ),
      Outcomes: closedObject(["title", "licence", "citation", "period", "filters", "views"], {
        title: { type: "string" },
        licence: { type: "string" },
        citation: { type: "string" },
        datapackage: {
          type: "string",
          format: "uri",
          description:
            "In the API: the Frictionless Data Package of this view's CSV download (`/outcomes/datapackage.json` with the same filters).",
        },
        period: closedObject(["from", "to"], { from: ref("Quarter"), to: ref("Quarter") }),
        filters: closedObject(
          ["perspective", "arrangement", "client", "lead"],
          Object.fromEntries(
            ["perspective", "arrangement", "client", "lead"].map((name) => [name, { type: ["string", "null"] }]),
          ),
        ),
        views: {
          oneOf: [
            {
              type: "array",
              description: "Every nation, with its table of councils (no place given).",
              items: closedObject(["nation", "outcomes", "councils"], {
                nation: { type: "string", enum: NATIONS },
                outcomes: ref("OutcomeView"),
                councils: closedObject(["nation", "reports", "regions", "places"], {
                  nation: { type: "string" },
                  reports: ref("CountFigure"),
                  regions: {
                    type: "array",
                    items: closedObject(["code", "name", "reports"], {
                      code: ref("GssCode"),
                      name: { type: "string" },
                      reports: ref("CountFigure"),
                    }),
                  },
                  places: { type: "array", items: ref("CouncilFigures") },
                }),
              }),
            },
            {
              type: "object",
              description:
                "One council, region or nation, compared with the places it belongs to and split by who led the plan.",
              required: ["place", "outcomes", "comparisons", "byPlanLead", "councils"],
              additionalProperties: false,
              properties: {
                place: closedObject(["level", "code", "name"], {
                  level: { type: "string", enum: ["area", "region", "nation"] },
                  code: { type: "string" },
                  name: { type: "string" },
                }),
                outcomes: ref("OutcomeView"),
                comparisons: {
                  type: "array",
                  items: closedObject(["place", "outcomes"], {
                    place: { type: "string" },
                    outcomes: ref("OutcomeView"),
                  }),
                },
                byPlanLead: {
                  type: "array",
                  items: closedObject(["lead", "label", "outcomes"], {
                    lead: { type: "string", enum: Object.keys(PLAN_LEADS) },
                    label: { type: "string" },
                    outcomes: ref("OutcomeView"),
                  }),
                },
                councils: { type: "array", items: ref("CouncilFigures") },
              },
            },
          ],
        },
      }),
      GssCode: { type: "string", pattern: "^[ENSW]\\d{8}$", examples: ["E06000001"] },
      Place: closedObject(["code", "name"], { code: ref("GssCode"), name: { type: "string" } }),
      TagRef: closedObject(["slug", "label"], { slug: { type: "string" }, label: { type: "string" } }),
      StorySummary: closedObject(storyRequired, storyProperties),
      Story: closedObject([...storyRequired, "bodyText", "bodyHtml"], {
        ...storyProperties,
        bodyText: { type: "string", description: "The body as plain text." },
        bodyHtml: {
          type: "string",
          description:
            "The body as HTML, sanitised with an allow-list (paragraphs, emphasis, lists, quotes, headings, code, links).",
        },
      }),
      StoryPage: closedObject(
        [
          "stories",
          "total",
          "totalIsLowerBound",
          "rankedAmongNewest",
          "limit",
          "next",
          "match",
          "filters",
          "suggestions",
          "licence",
          "citation",
          "datapackage",
        ],
        {
          licence: { type: "string", description: "The licence the stories are published under (CC BY 4.0)." },
          citation: { type: "string", description: "How to cite this search, with the day it was retrieved." },
          datapackage: {
            type: "string",
            format: "uri",
            description:
              "The Frictionless Data Package of this search's CSV download (`/stories/export/datapackage.json` with the same filters): columns, types, licence and citation.",
          },
          match: {
            type: "object",
            required: ["mode", "words", "allWords", "allWordsIsLowerBound"],
            additionalProperties: false,
            description: "How the search words were used.",
            properties: {
              mode: {
                type: "string",
                enum: ["all", "any"],
                description:
                  "`all`: every story has all the words (web-search syntax). `any`: all of them together found fewer than 5 published stories, so these are the stories with any of the words, those with all of them first.",
              },
              words: {
                type: "array",
                items: { type: "string" },
                description: "The search words that counted, as given, without common words such as `my` or `has`.",
              },
              allWords: {
                type: ["integer", "null"],
                minimum: 0,
                description: "With mode `any`: how many of the stories have all the words. Null with mode `all`.",
              },
              allWordsIsLowerBound: {
                type: "boolean",
                description: `True when more than \`allWords\` stories have all the words: counting stopped at its bound (${formatCount(STORY_BOUND)} unless configured).`,
              },
            },
          },
          filters: {
            type: "object",
            required: ["council", "tag", "arrangement"],
            additionalProperties: false,
            description:
              "The councils, tags and support arrangements the search used (each sorted, each once), with the name given when a name was looked up. Empty lists when a filter was not used.",
            properties: {
              council: usedFilters("code", ref("GssCode"), "name"),
              tag: usedFilters("slug", { type: "string" }, "label"),
              arrangement: {
                type: "array",
                items: closedObject(["key", "label"], { key: oneOf(SUPPORT_ARRANGEMENTS), label: { type: "string" } }),
              },
            },
          },
          suggestions: {
            type: "object",
            required: ["tags", "councils"],
            additionalProperties: false,
            description:
              "Tags and councils whose names hold one of the search words (`dementia`, `havering`), not already chosen: pass one as `tag` or `council` to narrow the search.",
            properties: {
              tags: { type: "array", items: ref("TagRef") },
              councils: {
                type: "array",
                items: closedObject(["code", "name"], { code: ref("GssCode"), name: { type: "string" } }),
              },
            },
          },
          stories: { type: "array", items: ref("StorySummary") },
          total: {
            type: "integer",
            minimum: 0,
            description: `Stories matching the search, on every page together: exact up to a bound (${formatCount(STORY_BOUND)} unless configured); above it, the bound, with \`totalIsLowerBound\` true.`,
          },
          totalIsLowerBound: {
            type: "boolean",
            description:
              "True when more than `total` stories match: counting stopped at its bound, and `total` is not an exact figure. False when `total` is exact. Downloads (`datapackage`) are never bounded.",
          },
          rankedAmongNewest: {
            type: ["integer", "null"],
            minimum: 1,
            description:
              "With `sort=relevance`: when more stories matched than best-match order ranks, the number of newest matches that were ranked (the best matches among the newest N; `sort=newest` goes through all of them). Null when every match was ranked.",
          },
          limit: { type: "integer", minimum: PAGE_SIZE.min, maximum: PAGE_SIZE.max },
          next: {
            anyOf: [
              closedObject(["cursor", "url"], {
                cursor: { type: "string", description: "Opaque and sealed: pass it back unchanged." },
                url: { type: "string", format: "uri" },
              }),
              { type: "null" },
            ],
            description: "The next page, or null on the last one.",
          },
        },
      ),
      Council: closedObject(["code", "name", "region", "nation"], {
        code: ref("GssCode"),
        name: { type: "string" },
        region: ref("Place"),
        nation: { type: "string", enum: NATIONS },
      }),
      CouncilList: closedObject(["councils"], { councils: { type: "array", items: ref("Council") } }),
      Tag: closedObject(["slug", "label", "group"], {
        slug: { type: "string" },
        label: { type: "string" },
        group: { type: "string", enum: TAG_GROUPS },
      }),
      TagList: closedObject(["tags"], { tags: { type: "array", items: ref("Tag") } }),
      ParameterError: closedObject(["parameter", "detail"], {
        parameter: { type: "string" },
        detail: { type: "string" },
      }),
      Problem: {
        type: "object",
        description: "RFC 9457 problem details.",
        required: ["type", "title", "status", "detail"],
        additionalProperties: false,
        properties: {
          type: {
            type: "string",
            format: "uri",
            description: "Identifies the kind of problem; explained at that address.",
          },
          title: { type: "string" },
          status: { type: "integer", enum: Object.values(PROBLEM_TYPES).map((type) => type.status) },
          detail: { type: "string", description: "What went wrong with this request, in plain words." },
          errors: {
            type: "array",
            minItems: 1,
            items: ref("ParameterError"),
            description: "Each refused parameter (400, and 404 for filters).",
          },
        },
      },
    },
  },
};

export type ApiPath = keyof typeof OPENAPI.paths;

interface ParameterObject {
  name: string;
  in: string;
}

/** An operation's parameters, $refs resolved. */
export function operationParameters(path: ApiPath): ParameterObject[] {
  const operation = OPENAPI.paths[path].get as { parameters?: (ParameterObject | { $ref: string })[] };
  return (operation.parameters ?? []).map((parameter) => {
    if (!("$ref" in parameter)) return parameter;
    const name = parameter.$ref.replace("#/components/parameters/", "") as keyof typeof OPENAPI.components.parameters;
    return OPENAPI.components.parameters[name];
  });
}

/** The query parameters an operation accepts, $refs resolved: anything else is refused. */
export function queryParameterNames(path: ApiPath): string[] {
  return operationParameters(path)
    .filter((parameter) => parameter.in === "query")
    .map((parameter) => parameter.name);
}
