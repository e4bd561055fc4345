import { checkHealth } from "~/server/http/health.server";

// A resource route: JSON for load balancers and monitoring, 503 while the database is unreachable.
export async function loader() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
