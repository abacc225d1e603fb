// 入金結果通知 (docs/escott-protocol.md §7.3): e-SCOTT POSTs here when a shopper paid. Whatever was posted, the
// answer is 200 and quick — rejections are logged, never bounced back (e-SCOTT would only retry).
// Only a failure on our side (database unavailable…) answers 503, so the notification comes again.
import { loadCvsContext } from "@/lib/payments/cvs/context";
import { processNotification, rejectNotification } from "@/lib/payments/cvs/notification";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 16 * 1024;

async function readBody(request: Request): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Form fields, last value wins (like PHP's $_POST). */
function formFields(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body)) fields[key] = value;
  return fields;
}

const ok = () => new Response("OK", { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function POST(request: Request): Promise<Response> {
  let body: string | null;
  try {
    body = await readBody(request);
  } catch {
    body = null;
  }
  try {
    const deps = await loadCvsContext();
    if (body === null) await rejectNotification(deps, {}, `unreadable_body: not read or larger than ${MAX_BODY_BYTES} bytes`);
    else await processNotification(deps, formFields(body));
  } catch (err) {
    console.error("[escott] notification could not be processed:", err instanceof Error ? err.message : err);
    return new Response("Temporarily unavailable", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return ok();
}
