import { describe, expect, it } from "vitest";

import {
  arrangementTagsMoved,
  eitherList,
  facetsToShow,
  inCanonicalOrder,
  NO_NAMES,
  storiesWithTagHref,
  valueLabel,
  withoutValue,
  withValue,
  isAreaCode,
  isTagSlug,
  mayLoosen,
  nameKey,
  NO_SEARCH,
  quotedList,
  searchWords,
  parseStorySearch,
  type StoryFacets,
  storySearchParams,
  storySearchQuery,
  withFilter,
  withoutFilter,
} from "./story-search";

const NOW = new Date("2026-12-01T12:00:00Z");
const parse = (query: string) => parseStorySearch(new URLSearchParams(query), NOW);

function errorsOf(query: string) {
  const result = parse(query);
  if (result.ok) throw new Error(`expected errors for ${query}`);
  return result.errors;
}

describe("reading a story search from a URL", () => {
  it("reads every filter", () => {
    expect(
      parse(
        "q=direct+payment&kind=question&tag=respite&council=E06000001&region=E12000001&perspective=carer&arrangement=dp_employer&year=2026&unanswered=1&sort=newest",
      ),
    ).toEqual({
      ok: true,
      search: {
        q: "direct payment",
        kind: ["question"],
        tag: ["respite"],
        council: ["E06000001"],
        region: ["E12000001"],
        perspective: ["carer"],
        arrangement: ["dp_employer"],
        year: [2026],
        unanswered: ["1"],
        sort: "newest",
      },
    });
  });

  it("refuses an unanswered filter other than 1", () => {
    expect(parse("unanswered=yes")).toEqual({
      ok: false,
      errors: { unanswered: "Unanswered must be 1 (only posts with no reply yet)." },
    });
  });

  it("treats empty parameters as absent, as an empty search box sends them", () => {
    expect(parse("q=&kind=&tag=&council=&region=&perspective=&arrangement=&year=&sort=")).toEqual({
      ok: true,
      search: NO_SEARCH,
    });
    expect(parse("q=+++")).toEqual({ ok: true, search: NO_SEARCH });
  });

  it("sorts by relevance when there are search words, newest first otherwise", () => {
    expect(parse("q=respite")).toMatchObject({ ok: true, search: { sort: "relevance" } });
    expect(parse("tag=respite")).toMatchObject({ ok: true, search: { sort: "newest" } });
    expect(parse("q=respite&sort=newest")).toMatchObject({ ok: true, search: { sort: "newest" } });
  });

  it("trims search words and keeps websearch syntax", () => {
    expect(parse(`q=${encodeURIComponent('  "direct payment"   -agency or  respite ')}`)).toMatchObject({
      ok: true,
      search: { q: '"direct payment" -agency or respite' },
    });
  });

  it("accepts Scotland and Wales as regions", () => {
    expect(parse("region=S92000003")).toMatchObject({ ok: true, search: { region: ["S92000003"] } });
    expect(parse("region=W92000004")).toMatchObject({ ok: true, search: { region: ["W92000004"] } });
  });

  it("names the field of every invalid value instead of dropping it", () => {
    expect(errorsOf("kind=poem")).toEqual({ kind: "Kind must be story, practice_note or question." });
    expect(errorsOf("council=%2A%2A%2A").council).toMatch(/^Council must be a council's name, such as Havering/);
    expect(errorsOf("region=E1200000").region).toMatch(/Region must be a 9-character ONS code/);
    expect(errorsOf("tag=---").tag).toMatch(/^Tag must be a tag's name or short name/);
    expect(errorsOf(`tag=${"a".repeat(101)}`).tag).toBe("Tag must be 100 characters or fewer.");
    expect(errorsOf("council=Haver%01ing").council).toBe("Council cannot contain control characters.");
    expect(errorsOf("perspective=mum").perspective).toMatch(/^Perspective must be carer, supported_person/);
    expect(errorsOf("arrangement=dp").arrangement).toMatch(/^Arrangement must be dp_employer/);
    expect(errorsOf("sort=oldest")).toEqual({ sort: "Sort must be relevance or newest." });
    expect(errorsOf("cursor=<script>")).toHaveProperty("cursor");
  });

  it("reports several bad fields at once", () => {
    expect(Object.keys(errorsOf("kind=poem&year=1066&council=%3F"))).toEqual(
      expect.arrayContaining(["kind", "year", "council"]),
    );
  });

  it("refuses years out of range and years that are not years", () => {
    expect(errorsOf("year=1999")).toEqual({ year: "Year must be between 2000 and 2026." });
    expect(errorsOf("year=2027")).toEqual({ year: "Year must be between 2000 and 2026." });
    expect(errorsOf("year=twenty").year).toMatch(/four digits/);
    expect(errorsOf("year=2026.5").year).toMatch(/four digits/);
  });

  it("refuses search words over 200 characters, saying how many there were", () => {
    expect(parse(`q=${"a".repeat(200)}`).ok).toBe(true);
    expect(errorsOf(`q=${"a".repeat(201)}`)).toEqual({
      q: "Search words must be 200 characters or fewer (these are 201).",
    });
  });

  it("refuses control characters, which PostgreSQL cannot search", () => {
    expect(errorsOf("q=care%00home").q).toMatch(/control characters/);
  });

  it("refuses sorting by relevance with nothing to be relevant to", () => {
    expect(errorsOf("sort=relevance")).toEqual({
      sort: "Sorting by relevance needs search words: type some, or sort by newest.",
    });
  });

  it("reads a filter given several times as any of its values, sorted and each once", () => {
    expect(parse("tag=transport&tag=respite&tag=transport&year=2026&year=2024&kind=story&kind=question")).toMatchObject(
      {
        ok: true,
        search: { tag: ["respite", "transport"], year: [2024, 2026], kind: ["question", "story"] },
      },
    );
    expect(parse("tag=+respite+&tag=respite")).toMatchObject({ ok: true, search: { tag: ["respite"] } });
  });

  it("refuses more than 20 values of one filter, and names a bad one among good ones", () => {
    const many = Array.from({ length: 100 }, (_, i) => `tag=tag-${i}`).join("&");
    expect(errorsOf(many)).toEqual({ tag: "Choose at most 20 tags at a time (this search has 100)." });
    expect(parse(Array.from({ length: 20 }, (_, i) => `council=E0600${String(i).padStart(4, "0")}`).join("&")).ok).toBe(
      true,
    );
    expect(errorsOf("kind=story&kind=poem")).toEqual({ kind: "Kind must be story, practice_note or question." });
    expect(errorsOf("year=2025&year=1066").year).toBe("Year must be between 2000 and 2026.");
  });

  it("takes one set of search words, one sort and one cursor", () => {
    expect(errorsOf("q=respite&q=dementia")).toEqual({ q: "Choose one set of search words at a time." });
    expect(errorsOf("q=a&sort=newest&sort=relevance")).toEqual({ sort: "Choose one sort at a time." });
    expect(errorsOf("cursor=abc&cursor=def")).toEqual({ cursor: "Choose one cursor at a time." });
  });

  it("ignores parameters it does not know, such as tracking tags", () => {
    expect(parse("utm_source=newsletter")).toEqual({ ok: true, search: NO_SEARCH });
  });
});

describe("canonical search URLs", () => {
  it("leave out defaults and keep a fixed order", () => {
    const parsed = parse("year=2026&tag=respite&q=respite+care&sort=relevance");
    if (!parsed.ok) throw new Error("expected a search");
    expect(storySearchParams(parsed.search).toString()).toBe("q=respite+care&tag=respite&year=2026");
    const both = [
      parse("tag=transport&council=E06000002&tag=respite&council=E06000001"),
      parse("council=E06000001&tag=respite&council=E06000002&tag=transport&tag=respite"),
    ];
    for (const one of both) {
      if (!one.ok) throw new Error("expected a search");
      expect(storySearchParams(one.search).toString()).toBe(
        "tag=respite&tag=transport&council=E06000001&council=E06000002",
      );
    }
    expect(storySearchParams(NO_SEARCH).toString()).toBe("");
    expect(storySearchParams({ ...NO_SEARCH, q: "respite", sort: "newest" }).toString()).toBe("q=respite&sort=newest");
  });

  it("read back as the same search", () => {
    const search = {
      ...NO_SEARCH,
      q: '"day centre" -closed',
      council: ["E06000001", "E09000016"],
      perspective: ["carer" as const],
      sort: "newest" as const,
    };
    expect(parse(storySearchParams(search).toString())).toEqual({ ok: true, search });
  });

  it("add, replace and remove filters", () => {
    const search = withFilter({ ...NO_SEARCH, q: "respite", sort: "relevance" }, "tag", "transport");
    expect(storySearchQuery(search)).toBe("?q=respite&tag=transport");
    expect(storySearchQuery(withFilter(search, "tag", "advocacy"))).toBe("?q=respite&tag=advocacy");
    expect(storySearchQuery(withoutFilter(search, "tag"))).toBe("?q=respite");
    expect(storySearchQuery(withoutFilter(search, "q"))).toBe("?tag=transport");
    expect(storySearchQuery(NO_SEARCH, { cursor: "abc" })).toBe("?cursor=abc");
    expect(withFilter(NO_SEARCH, "year", "2025").year).toEqual([2025]);
  });

  it("add and remove one value of a filter, keeping its others in order", () => {
    const two = withValue(withValue(NO_SEARCH, "tag", "transport"), "tag", "respite");
    expect(storySearchQuery(two)).toBe("?tag=respite&tag=transport");
    expect(storySearchQuery(withValue(two, "tag", "respite"))).toBe("?tag=respite&tag=transport");
    expect(storySearchQuery(withoutValue(two, "tag", "respite"))).toBe("?tag=transport");
    expect(withValue(withValue(NO_SEARCH, "year", "2026"), "year", "2024").year).toEqual([2024, 2026]);
  });

  it("know whether an address writes its filters in the one order", () => {
    const search = { ...NO_SEARCH, tag: ["respite", "transport"] };
    expect(inCanonicalOrder(new URLSearchParams("tag=respite&tag=transport&utm_source=x"), search)).toBe(true);
    expect(inCanonicalOrder(new URLSearchParams("tag=transport&tag=respite"), search)).toBe(false);
    expect(inCanonicalOrder(new URLSearchParams("tag=respite&tag=transport&tag=respite"), search)).toBe(false);
  });
});

describe("support arrangements are one facet, not also tags", () => {
  it("moves an arrangement's tag to the arrangement filter, keeping other tags", () => {
    expect(arrangementTagsMoved({ ...NO_SEARCH, tag: ["dp-employer", "respite"], arrangement: ["isf"] })).toEqual({
      moved: true,
      search: { ...NO_SEARCH, tag: ["respite"], arrangement: ["dp_employer", "isf"] },
    });
    expect(arrangementTagsMoved({ ...NO_SEARCH, tag: ["respite"] }).moved).toBe(false);
  });

  it("links a tag's stories to the arrangement facet when the tag is an arrangement", () => {
    expect(storiesWithTagHref("shared-lives")).toBe("/stories?arrangement=shared_lives");
    expect(storiesWithTagHref("respite")).toBe("/stories?tag=respite");
  });

  it("names each chosen value with the labels the rest of the site uses", () => {
    expect(valueLabel("arrangement", "dp_employer", NO_NAMES)).toBe("Direct payment, employing personal assistants");
    expect(valueLabel("tag", "dementia", { ...NO_NAMES, tag: { dementia: "Dementia" } })).toBe("Dementia");
    expect(eitherList(["Dementia", "Capacity", "Respite"])).toBe("Dementia, Capacity or Respite");
  });
});

describe("facets shown on a page", () => {
  const councils = Array.from({ length: 30 }, (_, i) => ({
    value: `E0600${String(i).padStart(4, "0")}`,
    label: `Council ${i}`,
    count: 30 - i,
  }));
  const facets: StoryFacets = {
    kind: [],
    tag: [],
    council: councils,
    region: [],
    perspective: [],
    arrangement: [],
    year: [],
    unanswered: [],
  };

  it("list the ten councils with most stories until a region is chosen, and the chosen council too", () => {
    expect(facetsToShow(NO_SEARCH, facets).council.map((c) => c.label)).toEqual(
      councils.slice(0, 10).map((c) => c.label),
    );
    expect(facetsToShow({ ...NO_SEARCH, council: ["E06000025"] }, facets).council.at(-1)?.label).toBe("Council 25");
    expect(facetsToShow({ ...NO_SEARCH, council: ["E06000025"] }, facets).council).toHaveLength(11);
    expect(facetsToShow({ ...NO_SEARCH, council: ["E06000025", "E06000027"] }, facets).council).toHaveLength(12);
  });

  it("keep every chosen value, with a count of 0 when nothing else chosen leaves it any stories", () => {
    const shown = facetsToShow({ ...NO_SEARCH, tag: ["capacity"] }, facets, {
      ...NO_NAMES,
      tag: { capacity: "Capacity" },
    });
    expect(shown.tag).toEqual([{ value: "capacity", label: "Capacity", count: 0 }]);
  });

  it("list every council of a chosen region", () => {
    expect(facetsToShow({ ...NO_SEARCH, region: ["E12000001"] }, facets).council).toHaveLength(30);
  });
});

describe("names in the council and tag filters", () => {
  it("keeps a council's or tag's name as typed (tidied), for the server to look up", () => {
    expect(parse("council=++London+Borough+of++Havering+")).toMatchObject({
      ok: true,
      search: { council: ["London Borough of Havering"] },
    });
    expect(parse("tag=Respite+and+short+breaks")).toMatchObject({
      ok: true,
      search: { tag: ["Respite and short breaks"] },
    });
    expect(parse("council=E09000016")).toMatchObject({ ok: true, search: { council: ["E09000016"] } });
  });

  it("tells codes and slugs from names", () => {
    expect(isAreaCode("E09000016")).toBe(true);
    for (const text of ["Havering", "E0900001"]) expect(isAreaCode(text), text).toBe(false);
    for (const text of ["respite", "short-breaks"]) expect(isTagSlug(text), text).toBe(true);
    for (const text of ["Dementia", "respite care"]) expect(isTagSlug(text), text).toBe(false);
  });

  it("reduces council names to what tells them apart, whichever way they are written", () => {
    const havering = nameKey("Havering", "council");
    expect(havering).toBe("havering");
    expect(nameKey("London Borough of Havering", "council")).toBe(havering);
    expect(nameKey("Havering Council", "council")).toBe(havering);
    expect(nameKey("  HAVERING  london borough council", "council")).toBe(havering);
    expect(nameKey("City of Bristol", "council")).toBe(nameKey("Bristol City Council", "council"));
    expect(nameKey("Redcar & Cleveland", "council")).toBe(nameKey("Redcar and Cleveland", "council"));
    expect(nameKey("Stockton-on-Tees", "council")).toBe("stockton on tees");
    expect(nameKey("Ynys Môn", "council")).toBe("ynys mon");
    // A name made only of the common words is kept whole rather than emptied.
    expect(nameKey("City of London", "council")).toBe("city of london");
  });

  it("keeps every word of a tag's label", () => {
    expect(nameKey("Respite and short breaks", "tag")).toBe("respite and short breaks");
    expect(nameKey("Dementia", "tag")).toBe("dementia");
  });
});

describe("loosening a search to any of its words", () => {
  it("takes each word once, without the punctuation around it", () => {
    expect(searchWords("My mum has dementia, my MUM!")).toEqual(["My", "mum", "has", "dementia"]);
    expect(searchWords(null)).toEqual([]);
    expect(searchWords("“respite”")).toEqual(["respite"]);
  });

  it("loosens plain words only: quotes, a minus sign or “or” ask for something precise", () => {
    for (const text of ["my mum has dementia", "dementia respite", "short-term respite"]) {
      expect(mayLoosen(text), text).toBe(true);
    }
    for (const text of ['"direct payment" review', "respite -agency", "respite OR dementia", null]) {
      expect(mayLoosen(text), String(text)).toBe(false);
    }
  });

  it("quotes the words that counted, as a page says them", () => {
    expect(quotedList(["mum", "dementia"])).toBe("“mum” and “dementia”");
    expect(quotedList(["a", "b", "c"])).toBe("“a”, “b” and “c”");
    expect(quotedList(["respite"])).toBe("“respite”");
  });
});
