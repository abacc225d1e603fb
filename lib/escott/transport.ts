import http from "node:http";
import https from "node:https";

// node:http rather than fetch: we need one hard deadline over connect+send+read, a clean
// distinction between "reset" and "refused", and no connection reuse (the vendor's WooCommerce plugins,
// docs/escott-protocol.md §1.2, send `Connection: close`, and the emulator closes after each answer).

export type TransportFailureReason = "timeout" | "connection_reset" | "connection_failed" | "unparsable_body";

export type TransportOutcome =
  | { ok: true; status: number; body: string }
  | { ok: false; reason: TransportFailureReason; detail: string };

export interface PostFormOptions {
  timeoutMs: number;
  userAgent: string;
}

/** Bodies are a single short line; anything this large is not an e-SCOTT answer. */
const MAX_BODY_BYTES = 1024 * 1024;

const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED", "ERR_STREAM_PREMATURE_CLOSE"]);
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "ESOCKETTIMEDOUT"]);

class DeadlineExceeded extends Error {
  readonly code = "ESCOTT_DEADLINE";
}

class BodyTooLarge extends Error {
  readonly code = "ESCOTT_BODY_TOO_LARGE";
}

function classify(error: unknown, responseStarted: boolean): { reason: TransportFailureReason; detail: string } {
  if (error instanceof DeadlineExceeded) return { reason: "timeout", detail: "deadline exceeded" };
  if (error instanceof BodyTooLarge) return { reason: "unparsable_body", detail: "response body too large" };
  const code = (error as { code?: unknown } | null)?.code;
  const codeText = typeof code === "string" ? code : "UNKNOWN";
  if (TIMEOUT_CODES.has(codeText)) return { reason: "timeout", detail: codeText };
  if (RESET_CODES.has(codeText) || responseStarted) return { reason: "connection_reset", detail: codeText };
  // Only the error code is reported: messages of TLS/DNS errors are safe, but the code is all a caller needs.
  return { reason: "connection_failed", detail: codeText };
}

/** POST `body` as application/x-www-form-urlencoded. Never rejects. */
export function postForm(url: string, body: string, options: PostFormOptions): Promise<TransportOutcome> {
  return new Promise<TransportOutcome>((resolve) => {
    let settled = false;
    let responseStarted = false;
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined = undefined;
    const finish = (outcome: TransportOutcome) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      resolve(outcome);
    };
    // Once the deadline fired, whatever error the teardown produces (aborted, reset) is a timeout.
    const fail = (error: unknown) =>
      finish({ ok: false, ...classify(timedOut ? new DeadlineExceeded() : error, responseStarted) });

    let target: URL;
    try {
      target = new URL(url);
    } catch {
      finish({ ok: false, reason: "connection_failed", detail: "invalid URL" });
      return;
    }
    const isHttps = target.protocol === "https:";
    if (!isHttps && target.protocol !== "http:") {
      finish({ ok: false, reason: "connection_failed", detail: "unsupported protocol" });
      return;
    }

    const payload = Buffer.from(body, "utf8");
    const requestOptions: https.RequestOptions = {
      method: "POST",
      agent: false,
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": String(payload.length),
        "User-Agent": options.userAgent,
        Connection: "close",
      },
      ...(isHttps ? { minVersion: "TLSv1.2" as const } : {}),
    };

    let request: http.ClientRequest;
    try {
      request = (isHttps ? https : http).request(target, requestOptions, (response) => {
        responseStarted = true;
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            request.destroy(new BodyTooLarge());
            return;
          }
          chunks.push(chunk);
        });
        response.on("error", fail);
        response.on("aborted", () => fail(Object.assign(new Error("aborted"), { code: "ECONNRESET" })));
        response.on("end", () => {
          if (!response.complete) {
            fail(Object.assign(new Error("incomplete"), { code: "ECONNRESET" }));
            return;
          }
          finish({ ok: true, status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") });
        });
        response.on("close", () => {
          if (!response.complete) fail(Object.assign(new Error("closed"), { code: "ECONNRESET" }));
        });
      });
    } catch (error) {
      fail(error);
      return;
    }

    timer = setTimeout(() => {
      timedOut = true;
      request.destroy(new DeadlineExceeded());
      fail(new DeadlineExceeded());
    }, options.timeoutMs);
    request.on("error", fail);
    request.end(payload);
  });
}
