// Content-Security-Policy violation reports (report-uri and report-to of the policy set in proxy.ts). Browsers
// post them without credentials, anyone can post anything: bodies are capped, validated, reduced to
// origin + path and counted in the database, bounded (lib/security/csp-reports.ts); the admin dashboard shows them.
// The answer never depends on what was stored and is never a 5xx.
import { readLimitedBody } from "@/lib/security/body-limit";
import { db } from "@/lib/db";
import { CSP_REPORT_MAX_BYTES, parseCspReports } from "@/lib/security/csp";
import { recordCspReports } from "@/lib/security/csp-reports";

export const dynamic = "force-dynamic";

const TYPES = { "application/csp-report": "csp-report", "application/reports+json": "reports+json", "application/json": "json" } as const;

const empty = (status: number) => new Response(null, { status, headers: { "Cache-Control": "no-store" } });

export async function POST(request: Request): Promise<Response> {
  try {
    const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const kind = TYPES[mediaType as keyof typeof TYPES];
    if (!kind) return empty(400);
    const read = await readLimitedBody(request, CSP_REPORT_MAX_BYTES);
    if (!read.ok) return empty(read.reason === "too_large" ? 413 : 400);
    const raw = new TextDecoder("utf-8", { fatal: true }).decode(read.bytes);
    const parsed = parseCspReports(kind, JSON.parse(raw));
    if (!parsed.ok) return empty(400);
    try {
      await recordCspReports(db(), parsed.reports);
    } catch (err) {
      // The database is away: the browser cannot help it and must not learn more than "accepted".
      console.error("[csp-report] could not store:", err instanceof Error ? err.message : err);
    }
    return empty(204);
  } catch {
    // Malformed JSON or UTF-8, a broken stream: the sender's problem, never ours.
    return empty(400);
  }
}
