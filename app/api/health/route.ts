// GET /api/health, for load balancers and monitoring: 200 {"db":"ok"} or 503 {"db":"down"}.
import { db } from "@/lib/db";
import { healthResponse } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return healthResponse(db());
}
