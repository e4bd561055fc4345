import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { coarseDate } from "~/domain/anonymity/byline";
import { requireUser } from "~/server/accounts/guards.server";
import { readNotifications } from "~/server/notifications/notifications.server";

export const meta: MetaFunction = () => [{ title: "Notifications – Fifth Option" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const items = await readNotifications(user.id);
  return {
    items: items.map((n) => ({
      id: n.id,
      message: n.message,
      link: n.link,
      when: coarseDate(n.createdAt),
      wasUnread: n.readAt === null,
    })),
  };
}

export default function Notifications() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Notifications</h1>
      {items.length === 0 ? (
        <p>You have no notifications.</p>
      ) : (
        <ul className="story-list">
          {items.map((item) => (
            <li key={item.id}>
              <p>
                {item.wasUnread ? <strong>New: </strong> : null}
                {item.link ? <Link to={item.link}>{item.message}</Link> : item.message}
              </p>
              <p className="byline">{item.when}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
