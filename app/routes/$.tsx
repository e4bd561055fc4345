import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Page not found – Fifth Option" }];

// Any address no other route claims; also the page for requests refused before any route ran
// (too large, malformed address: app/server/http/edge.server.ts), shown by the root error boundary.
export async function loader({ context }: LoaderFunctionArgs) {
  if (context.refusal)
    throw data(context.refusal.message, { status: context.refusal.status, headers: { "Cache-Control": "no-store" } });
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </>
  );
}
