// Content-Security-Policy violation reports (report-uri and report-to of the policy set in proxy.ts). Browsers
// post them without credentials, anyone can post anything: bodies are capped, validated, reduced to
// origin + path and kept in a bounded in-memory ring (lib/security/csp.ts) that the admin dashboard shows.
// The answer never depends on what was stored and is never a 5xx.
import { CSP_REPORT_MAX_BYTES, parseCspReports, recordCspReports } from "@/lib/security/csp";

export const dynamic = "force-dynamic";

const TYPES = { "application/csp-report": "csp-report", "application/reports+json": "reports+json", "application/json": "json" } as const;

const empty = (status: number) => new Response(null, { status, headers: { "Cache-Control": "no-store" } });

/** The body as text, or null when it is longer than `limit` bytes (read no further than that). */
async function readLimited(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
}

export async function POST(request: Request): Promise<Response> {
  try {
    const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const kind = TYPES[mediaType as keyof typeof TYPES];
    if (!kind) return empty(400);
    const raw = await readLimited(request, CSP_REPORT_MAX_BYTES);
    if (raw === null) return empty(413);
    const parsed = parseCspReports(kind, JSON.parse(raw));
    if (!parsed.ok) return empty(400);
    recordCspReports(parsed.reports);
    return empty(204);
  } catch {
    // Malformed JSON or UTF-8, a broken stream: the sender's problem, never ours.
    return empty(400);
  }
}
