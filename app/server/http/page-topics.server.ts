// Which writes retire a kept page (decision 039, docs/page-cache.md): the topics a signed-out page
// shows, by its path. Every page also shows "site" (what nobody classified). A path not named here
// shows everything: any write at all retires it, so a new page is safe until it says what it shows.
const STORY = /^\/stories\/(\d{1,10})(?:\/history)?\/?$/;
const LISTS = [/^\/$/, /^\/stories\/?$/, /^\/u\/[^/]+\/?$/];
const FIGURES = [/^\/outcomes\/?$/, /^\/outcomes\/region\/[^/]+\/?$/, /^\/outcomes\/[^/.]+\/?$/];
/** Pages that show no posts, replies or figures: only what "site" covers (councils, tags, members). */
const STILL = [
  /^\/about\/?$/,
  /^\/about\/api\/?$/,
  /^\/accessibility\/?$/,
  /^\/privacy\/?$/,
  /^\/help\/?$/,
  /^\/help\/safeguarding\/?$/,
  /^\/find-council\/?$/,
];

/** The topics the page at this path shows; null when unclassified (every write retires it). */
export function pageTopics(pathname: string): string[] | null {
  const story = STORY.exec(pathname);
  if (story) return [`post:${Number(story[1])}`];
  if (STILL.some((pattern) => pattern.test(pathname))) return [];
  // Lists show reply counts ("replies": every reply); what they hold changes with "posts" (decision 044).
  if (LISTS.some((pattern) => pattern.test(pathname))) return ["posts", "replies"];
  if (FIGURES.some((pattern) => pattern.test(pathname))) return ["figures"];
  return null;
}

/** The topics a kept answer (db/unchanged.server.ts) depends on, by its key's first word. */
export function answerTopics(key: string): string[] | null {
  if (key.startsWith("search ")) return ["posts"];
  if (key.startsWith("outcomes ")) return ["figures"];
  return null;
}
