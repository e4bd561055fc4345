import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { PostButton } from "~/components/post-button";
import { RuleLinks } from "~/components/house-rules";
import { coarseDate } from "~/domain/anonymity/byline";
import { groupNotifications } from "~/domain/following/following";
import { requireUser } from "~/server/accounts/guards.server";
import { readForm } from "~/server/http/forms.server";
import { markNotificationsRead, readNotifications } from "~/server/notifications/notifications.server";

export const meta: MetaFunction = () => [{ title: "Notifications – Fifth Option" }];

// What a member is told is theirs alone: never kept by any cache.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const items = await readNotifications(user.id);
  const entries = groupNotifications(
    items.map((n) => ({
      id: n.id,
      kind: n.kind,
      message: n.message,
      link: n.link,
      postId: n.postId,
      threadTitle: n.threadTitle,
      unread: n.readAt === null,
      month: coarseDate(n.createdAt),
    })),
  );
  return { entries, unread: entries.filter((e) => e.unread).length };
}

const markSchema = z.union([
  z.object({ intent: z.literal("read-all") }),
  z.object({
    intent: z.literal("read"),
    ids: z
      .string()
      .max(2_000)
      .regex(/^\d{1,10}(,\d{1,10}){0,199}$/)
      .transform((s) => s.split(",").map(Number)),
  }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = markSchema.safeParse(await readForm(request));
  if (!parsed.success) return data({ error: "That could not be marked as read." }, { status: 400 });
  await markNotificationsRead(user.id, parsed.data.intent === "read-all" ? "all" : parsed.data.ids);
  return redirect("/notifications?marked=1");
}

export default function Notifications() {
  const { entries, unread } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Notifications</h1>
      {entries.length === 0 ? (
        <p>You have no notifications.</p>
      ) : (
        <>
          <p>
            {unread === 0 ? "Nothing new." : unread === 1 ? "1 new." : `${unread} new.`} Opening a thread marks what is
            new in it as read.
          </p>
          {unread > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="read-all" />
              <button type="submit" className="button button--secondary">
                Mark all as read
              </button>
            </Form>
          ) : null}
          <ul className="story-list">
            {entries.map((entry) => (
              <li key={entry.ids[0]}>
                <p>
                  {entry.unread ? <strong className="unread-mark">New: </strong> : null}
                  {entry.link ? <Link to={entry.link}>{entry.message}</Link> : entry.message}
                  <RuleLinks text={entry.message} />
                </p>
                <p className="byline">{entry.month}</p>
                {entry.unread ? (
                  <PostButton
                    look="link"
                    fields={{ intent: "read", ids: entry.ids.join(",") }}
                    label="Mark as read"
                    names={`: ${entry.message}`}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
