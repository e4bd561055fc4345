// npm run bench -- --only booklet
//
// Time to lay out a 30-story collection booklet (app/server/collections/booklet.server.tsx), in
// this process, without the cache: no server and no benchmark data needed. Each story is 600
// words in eight paragraphs (stories may be up to 1,500). Prints the median, fastest and slowest of
// five runs after one warm-up, and the booklet's size.
import os from "node:os";

import type { CollectionView } from "../../app/domain/collections/collections";
import { renderBooklet } from "../../app/server/collections/booklet.server";

const STORIES = 30;
const RUNS = 5;
const WORDS =
  "we asked the council for a review and waited months while the hours were cut and nobody explained why".split(" ");

function paragraph(seed: number, words: number): string {
  return Array.from({ length: words }, (_, i) => WORDS[(seed + i * 7) % WORDS.length]).join(" ") + ".";
}

export function bookletView(stories = STORIES): CollectionView {
  return {
    slug: "bench",
    title: "Reviews and cuts, 2026",
    introHtml: "",
    introText: [paragraph(1, 120), paragraph(2, 90)].join("\n"),
    status: "published",
    held: false,
    version: 3,
    month: "December 2026",
    monthIso: "2026-12",
    url: "http://localhost/collections/bench",
    citation: "Fifth Option (2026). Reviews and cuts, 2026 [collection of stories, edition 3, December 2026].",
    licence: "CC BY 4.0",
    stories: Array.from({ length: stories }, (_, i) => ({
      id: i + 1,
      title: `Story ${i + 1}: what happened at our review`,
      byline: "a carer in the North East",
      month: "March 2026",
      monthIso: "2026-03",
      html: "",
      text: Array.from({ length: 8 }, (_, p) => paragraph(i * 8 + p, 75)).join("\n"),
    })),
  };
}

export async function benchBooklet(): Promise<void> {
  const view = bookletView();
  const warm = await renderBooklet(view);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await renderBooklet(view);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(`Booklet: ${STORIES} stories of 600 words, ${(warm.length / 1024).toFixed(0)} KB PDF`);
  console.log(
    `  median ${ms(times[Math.floor(RUNS / 2)] ?? 0)}, fastest ${ms(times[0] ?? 0)}, slowest ${ms(times[RUNS - 1] ?? 0)} ` +
      `(${RUNS} runs after a warm-up; Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0]?.toFixed(2)})`,
  );
}
