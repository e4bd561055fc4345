// Trust levels decide who is pre-moderated. Level 0: everything waits for a moderator.
// Level 1: posts publish at once (and can still be flagged). Level 2: also counts towards hiding
// flagged content quickly. The rules live here and nowhere else.

export type TrustLevel = 0 | 1 | 2;

export interface Activity {
  publishedPosts: number;
  publishedComments: number;
  daysActive: number;
  /** Flags on this person's content that moderators upheld. */
  upheldFlags: number;
  /** Posts or comments moderators rejected or removed. */
  rejectedItems: number;
}

export const TRUST_RULES = {
  level1: { publishedItems: 3, daysActive: 3 },
  level2: { publishedItems: 20, daysActive: 15 },
} as const;

export function trustLevelFor(activity: Activity): TrustLevel {
  // Any upheld flag or two rejections puts someone back in the queue until a moderator lifts it.
  if (activity.upheldFlags > 0 || activity.rejectedItems >= 2) return 0;
  const published = activity.publishedPosts + activity.publishedComments;
  if (published >= TRUST_RULES.level2.publishedItems && activity.daysActive >= TRUST_RULES.level2.daysActive) return 2;
  if (published >= TRUST_RULES.level1.publishedItems && activity.daysActive >= TRUST_RULES.level1.daysActive) return 1;
  return 0;
}

/** Pre-moderation: content from level 0 waits in the queue. */
export function needsPreModeration(trustLevel: number): boolean {
  return trustLevel < 1;
}
