// The load balancers' question: does this instance reach its database? 200 {db:"ok"} when
// `SELECT 1` answers within the time limit, 503 {db:"down"} otherwise. Never cached.
import type { Db } from "@/lib/db";
import { MACHINE_RESPONSE_HEADERS } from "@/lib/security/csp";

export const HEALTH_TIMEOUT_MS = 5_000;

export async function databaseAnswers(db: Db, timeoutMs = HEALTH_TIMEOUT_MS): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const probe = db.$queryRaw<{ ok: number | bigint }[]>`SELECT 1 AS ok`.then(
      (rows) => Number(rows[0]?.ok) === 1,
      () => false,
    );
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function healthResponse(db: Db, timeoutMs = HEALTH_TIMEOUT_MS): Promise<Response> {
  const ok = await databaseAnswers(db, timeoutMs);
  return Response.json(ok ? { db: "ok" } : { db: "down" }, {
    status: ok ? 200 : 503,
    headers: MACHINE_RESPONSE_HEADERS,
  });
}
