// What makes a post acceptable: the rules the form and the API share.
import { z } from "zod";

import { BYLINE_SCOPES } from "../anonymity/byline";

export const TITLE_MAX = 120;
export const BODY_MAX_WORDS = 1_500;
export const COMMENT_MAX_WORDS = 800;
export const TAGS_MAX = 5;

export const POST_KINDS = {
  story: { label: "A story", hint: "Something that happened to you or someone you support" },
  practice_note: {
    label: "A practice note",
    hint: "For planners, social workers and providers: practice and dilemmas",
  },
  question: { label: "A question", hint: "Ask people who have been there" },
} as const;
export type PostKind = keyof typeof POST_KINDS;

export const GUIDED_PROMPTS = [
  { name: "whatHappened", heading: "What happened", label: "What happened?" },
  { name: "whatWasGood", heading: "What was good", label: "What was good?" },
  {
    name: "whatCouldBeBetter",
    heading: "What could have been better",
    label: "What could have been better, or what would have helped?",
  },
] as const;

export function countWords(text: string): number {
  const words = text.trim().match(/\S+/g);
  return words ? words.length : 0;
}

/** The three guided answers joined into one Markdown body, skipping any left empty. */
export function joinGuidedStory(answers: Partial<Record<(typeof GUIDED_PROMPTS)[number]["name"], string>>): string {
  return GUIDED_PROMPTS.map((prompt) => ({ prompt, text: (answers[prompt.name] ?? "").trim() }))
    .filter(({ text }) => text.length > 0)
    .map(({ prompt, text }) => `## ${prompt.heading}\n\n${text}`)
    .join("\n\n");
}

const bodyRule = (maxWords: number, empty: string) =>
  z
    .string()
    .transform((value) => value.replace(/\r\n/g, "\n").trim())
    .refine((value) => value.length > 0, empty)
    .refine(
      (value) => countWords(value) <= maxWords,
      (value) => ({
        message: `Your text is ${countWords(value).toLocaleString("en-GB")} words. It must be ${maxWords.toLocaleString("en-GB")} words or fewer`,
      }),
    );

export const postInputSchema = z.object({
  kind: z.enum(["story", "practice_note", "question"], {
    errorMap: () => ({ message: "Choose what kind of post this is" }),
  }),
  title: z
    .string()
    .transform((value) => value.trim())
    .refine((value) => value.length > 0, "Enter a title")
    .refine(
      (value) => value.length <= TITLE_MAX,
      (value) => ({
        message: `Your title is ${value.length} characters. It must be ${TITLE_MAX} characters or fewer`,
      }),
    ),
  body: bodyRule(BODY_MAX_WORDS, "Write your post"),
  tags: z.array(z.string()).max(TAGS_MAX, `Choose up to ${TAGS_MAX} tags`),
  displayMode: z.enum(["handle", "anonymous"], { errorMap: () => ({ message: "Choose how your name is shown" }) }),
  // Older forms and the API's callers may leave it out: the council is shown, as before.
  bylineScope: z.preprocess(
    (value) => (value === undefined || value === null || value === "" ? "council" : value),
    z.enum(BYLINE_SCOPES, { errorMap: () => ({ message: "Choose how much of the place to show" }) }),
  ),
});
export type PostInput = z.infer<typeof postInputSchema>;

export const commentInputSchema = z.object({
  body: bodyRule(COMMENT_MAX_WORDS, "Write your reply"),
  displayMode: z.enum(["handle", "anonymous"], { errorMap: () => ({ message: "Choose how your name is shown" }) }),
});
