import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { CouncilFinder } from "~/components/council-finder";
import { ErrorSummary } from "~/components/forms";
import { listCouncils, resolveArea, UnknownCouncil } from "~/server/reference/reference.server";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: `${page?.error ? "Error: " : ""}Find your council – Fifth Option` },
];

// "Find your council" on the home page: a plain GET form, so it works without JavaScript. A
// council found by its name or code goes straight to its stories or its outcome figures.
const querySchema = z.object({
  council: z
    .string()
    .max(200, "Type the council's name (up to 200 characters).")
    // NUL cannot be searched for in PostgreSQL, and no council's name holds a control character.
    // eslint-disable-next-line no-control-regex
    .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), "Type the council's name using letters only.")
    .default(""),
  show: z.enum(["stories", "outcomes"]).catch("stories"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const typed = url.searchParams.get("council") ?? "";
  const parsed = querySchema.safeParse({
    council: typed || undefined,
    show: url.searchParams.get("show") ?? undefined,
  });
  const councils = (await listCouncils()).map((council) => council.name);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Choose a council from the list.";
    return data({ typed: typed.slice(0, 200), show: "stories", error: message, councils }, { status: 400 });
  }
  const { council, show } = parsed.data;
  if (council.trim()) {
    try {
      const area = await resolveArea(council);
      if (area) return redirect(show === "outcomes" ? `/outcomes/${area.code}` : `/stories?council=${area.code}`);
    } catch (error) {
      if (!(error instanceof UnknownCouncil)) throw error;
      return data(
        {
          typed: council,
          show,
          error: `We could not find a council called “${council.trim()}”. Choose one from the list: councils are named as they are on their own website, such as “Leeds” or “Cornwall”.`,
          councils,
        },
        { status: 404 },
      );
    }
  }
  // Sent with the box empty: say so, as any form does.
  if (url.searchParams.has("council"))
    return data({ typed: "", show, error: "Type or choose your council." as string | null, councils }, { status: 400 });
  return { typed: "", show, error: null as string | null, councils };
}

export default function FindCouncil() {
  const page = useLoaderData<typeof loader>();
  const errors: Record<string, string> = page.error ? { council: page.error } : {};
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>Find your council</h1>
      <p>
        Read what people have shared about a council, or see the figures from experience reports about it. Councils in
        England, Scotland and Wales with adult social care duties are listed.
      </p>
      <CouncilFinder councils={page.councils} typed={page.typed} errors={errors} />
      <p>
        Or <Link to="/stories">read every story</Link>, or{" "}
        <Link to="/outcomes">see the figures by nation and region</Link>.
      </p>
    </>
  );
}
