// Watched words, kept for a minute per instance so every post does not query them.
import {
  applyWatchedWords,
  type WatchedAction,
  type WatchedResult,
  type WatchedWord,
} from "~/domain/moderation/watched-words";
import { Refusal } from "~/domain/forms";

import { prisma } from "../db/client.server";

let cache: { at: number; words: WatchedWord[] } | null = null;
const CACHE_MS = 60_000;

export async function listWatchedWords() {
  return prisma().watchedWord.findMany({
    orderBy: { pattern: "asc" },
    select: { id: true, pattern: true, action: true, replacement: true },
  });
}

async function activeWords(): Promise<WatchedWord[]> {
  if (cache && Date.now() - cache.at < CACHE_MS) return cache.words;
  const rows = await listWatchedWords();
  cache = {
    at: Date.now(),
    words: rows.map((r) => ({ pattern: r.pattern, action: r.action as WatchedAction, replacement: r.replacement })),
  };
  return cache.words;
}

export async function checkWatchedWords(text: string): Promise<WatchedResult> {
  return applyWatchedWords(text, await activeWords());
}

/** A 400 on the text's field ("body" unless the route says otherwise). */
export class BlockedByWatchedWord extends Refusal {
  constructor(
    public readonly pattern: string,
    field = "body",
  ) {
    super(
      `Your text contains “${pattern}”, which is not allowed on Fifth Option. Please remove it and try again.`,
      400,
      field,
    );
  }
}

export async function addWatchedWord(word: WatchedWord) {
  await prisma().watchedWord.upsert({
    where: { pattern: word.pattern.trim().toLowerCase() },
    create: { pattern: word.pattern.trim().toLowerCase(), action: word.action, replacement: word.replacement },
    update: { action: word.action, replacement: word.replacement },
  });
  cache = null;
}

export async function removeWatchedWord(id: number) {
  await prisma().watchedWord.deleteMany({ where: { id } });
  cache = null;
}
