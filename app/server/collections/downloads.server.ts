// A collection's feed and booklet as responses (docs/collections.md). Both are made from the same
// view as the page, so they show exactly the stories the page shows, and are answered with
// "no-cache": once an author withdraws, no copy kept along the way is served without asking again.
import { Feed } from "feed";

import type { CollectionView } from "~/domain/collections/collections";

import { bookletPdf } from "./booklet.server";
import { readableCollection } from "./collections.server";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const escapeText = (text: string) => text.replace(/[&<>"]/g, (character) => ESCAPES[character] ?? character);
/** The first day of a month ("2026-11"): public output never says when in the month. */
const monthStart = (monthIso: string) => new Date(`${monthIso}-01T00:00:00Z`);

export function collectionFeed(view: CollectionView): string {
  const feed = new Feed({
    id: view.url,
    link: view.url,
    title: `${view.title} – Fifth Option`,
    description: view.introText.split("\n")[0] ?? view.title,
    language: "en-GB",
    copyright: view.licence,
    updated: monthStart(
      view.stories.reduce((newest, story) => (story.monthIso > newest ? story.monthIso : newest), view.monthIso),
    ),
    generator: false,
    feedLinks: { atom: `${view.url}.atom` },
  });
  for (const story of view.stories) {
    const link = `${view.url}#story-${story.id}`;
    feed.addItem({
      // Readers treat Atom titles as HTML: a title is text, so it is escaped.
      title: escapeText(story.title),
      id: link,
      link,
      date: monthStart(story.monthIso),
      published: monthStart(story.monthIso),
      // Stored HTML was sanitised with an allow-list when the story was saved (app/domain/markdown).
      content: story.html,
      author: [{ name: story.byline }],
    });
  }
  return feed.atom1();
}

function headersFor(view: CollectionView, type: string): HeadersInit {
  return {
    "Content-Type": type,
    "Cache-Control": view.status === "published" ? "public, no-cache" : "private, no-store",
  };
}

export async function collectionFeedResponse(request: Request, slug: string | undefined): Promise<Response> {
  const { collection } = await readableCollection(request, slug);
  return new Response(collectionFeed(collection), {
    headers: headersFor(collection, "application/atom+xml; charset=utf-8"),
  });
}

export async function bookletResponse(request: Request, slug: string | undefined): Promise<Response> {
  const { collection } = await readableCollection(request, slug);
  const pdf = await bookletPdf(collection);
  return new Response(new Uint8Array(pdf), {
    headers: {
      ...headersFor(collection, "application/pdf"),
      "Content-Disposition": `attachment; filename="${collection.slug}.pdf"`,
      "Content-Length": String(pdf.length),
    },
  });
}
