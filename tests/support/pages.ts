// The page types only signed-in people see, by role, for the sweeps that visit every page type
// (tests/browser/axe-sweep.test.ts, tests/integration/html-validate.test.ts): one list, so a new
// page is added once.

/** A member's own pages; `story` is a published post's id. */
export const memberPages = (story: number | undefined) => [
  "/settings",
  "/settings/delete",
  "/settings/researcher",
  "/drafts",
  "/notifications",
  "/following",
  "/saved",
  `/stories/${story}`,
  "/stories?tag=respite",
  "/stories/new",
  "/stories/new?guided=1",
  "/reports/new",
  "/reports",
  "/collections/consent",
  `/flag?post=${story}`,
];

/** A moderator's pages; `pending` is a pending post's id. */
export const moderatorPages = (pending: number | undefined) => [
  "/moderation",
  "/moderation?reason=new_member",
  "/moderation/log",
  `/moderation/edit?kind=post&id=${pending}`,
  `/stories/${pending}/history`,
  "/collections",
];

export const ADMIN_PAGES = ["/admin/roles", "/admin/watched-words"];
