// Serves the built shop; `npm start` (scripts/launch.ts) runs it in place of `next start`, with
// what running several instances behind a load balancer needs:
//
// - The client's address, for the throttles (lib/security/client-ip.ts): the connection's peer,
//   or, behind TRUSTED_PROXY_HOPS reverse proxies, the address the outermost of them saw (taken
//   from the right of X-Forwarded-For, so what a client writes there itself is never believed).
//   Passed on as the x-shop-client-ip request header, replacing any a client sent.
// - A graceful stop on SIGTERM/SIGINT: stop accepting connections, finish the requests in flight
//   (at most SHUTDOWN_GRACE_MS, default 70 s), give back this instance's job leases (the shop
//   registers that as globalThis[Symbol.for("escott-storefront.shutdown")] in instrumentation.ts),
//   exit 0.
// - A request whose path is not valid percent-encoded UTF-8 (`/products/%E0%A4%A`) is answered
//   400 here: Next.js would fail decoding it and answer 500.
// - Compression (gzip/deflate/br as the client accepts) for what browsers load — pages, RSC
//   payloads, scripts, styles — but not for /api/: those answers are a few bytes for machines
//   (入金結果通知, health checks), and a zlib stream per request cost more than the answer
//   (bench/RESULTS.md). next.config.ts turns Next.js's own compression off for this.
//
// Plain JavaScript on purpose: it runs under `node` alone in production.
import http from "node:http";
import compression from "compression";
import next from "next";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || undefined;
const hops = Math.max(0, Number.parseInt(process.env.TRUSTED_PROXY_HOPS || "0", 10) || 0);
// Above ESCOTT_TIMEOUT_MS (60 s): a card call in flight is never cut off by a restart.
const graceMs = Math.max(0, Number.parseInt(process.env.SHUTDOWN_GRACE_MS || "70000", 10) || 0);
// next-auth builds its redirects from NEXTAUTH_URL; the shop's public URL is SITE_URL.
if (!process.env.NEXTAUTH_URL && process.env.SITE_URL) process.env.NEXTAUTH_URL = process.env.SITE_URL;
const SHUTDOWN = Symbol.for("escott-storefront.shutdown");
// BENCH_TIMING=1 (npm run bench): one "[bench-timing] {json}" line per request with its server
// time and what it sent to the database (lib/db-stats.ts keeps the counters under this symbol).
// The database counts are exact only while requests do not overlap.
const benchTiming = process.env.BENCH_TIMING === "1";
const DB_STATS = Symbol.for("escott-storefront.dbStats");

function dbCounters() {
  const stats = globalThis[DB_STATS];
  return stats ? { queries: stats.queries, transactions: stats.transactions, queryMs: stats.queryMs, sql: stats.sql } : { queries: 0, transactions: 0, queryMs: 0, sql: [] };
}

function logTiming(req, res) {
  const started = performance.now();
  const before = dbCounters();
  res.once("finish", () => {
    const after = dbCounters();
    const line = {
      method: req.method,
      path: (req.url || "").split("?")[0],
      action: req.headers["next-action"] ? true : undefined,
      status: res.statusCode,
      ms: Math.round((performance.now() - started) * 100) / 100,
      queries: after.queries - before.queries,
      transactions: after.transactions - before.transactions,
      queryMs: Math.round((after.queryMs - before.queryMs) * 100) / 100,
      // BENCH_TIMING_SQL=1: the statements themselves (the last ones kept, lib/db-stats.ts).
      sql: process.env.BENCH_TIMING_SQL === "1" ? after.sql.slice(Math.max(0, after.sql.length - (after.queries - before.queries))) : undefined,
    };
    console.log(`[bench-timing] ${JSON.stringify(line)}`);
  });
}

/** The client's address: see the header comment. Exported shape kept tiny for the test. */
export function clientAddress(peer, forwardedFor, trustedHops) {
  if (trustedHops === 0 || !forwardedFor) return peer || "unknown";
  const chain = forwardedFor
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // Each trusted proxy appended the address it was connected from; the outermost one's is the
  // client's. A shorter chain than expected means a proxy was skipped: use its leftmost entry.
  return chain[Math.max(0, chain.length - trustedHops)] || peer || "unknown";
}

/** Whether the answer to a request target (`/a/b?c`) may be compressed: everything but /api/. */
export function compressiblePath(target) {
  const path = (target || "/").split(/[?#]/, 1)[0];
  return path !== "/api" && !path.startsWith("/api/");
}

/** Whether the path of a request target (`/a/b?c`) decodes: percent-escapes complete and valid UTF-8. */
export function pathDecodes(target) {
  const path = (target || "/").split(/[?#]/, 1)[0];
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const compress = compression({ filter: (req, res) => compressiblePath(req.url) && compression.filter(req, res) });

  let inFlight = 0;
  let draining = false;
  const server = http.createServer((req, res) => {
    inFlight++;
    res.once("close", () => inFlight--);
    if (benchTiming) logTiming(req, res);
    const forwarded = req.headers["x-forwarded-for"];
    req.headers["x-shop-client-ip"] = clientAddress(req.socket.remoteAddress, Array.isArray(forwarded) ? forwarded.join(",") : forwarded, hops);
    // While draining, a request that came on a kept-alive connection is served, then the
    // connection closes, so the client's next request goes to another instance.
    if (draining) res.setHeader("Connection", "close");
    if (!pathDecodes(req.url)) {
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" }).end("Bad Request");
      return;
    }
    compress(req, res, () => {
      handle(req, res).catch((err) => {
        console.error("[serve] request failed:", err instanceof Error ? err.message : err);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  });

  // Idle kept-alive connections are kept longer than clients and proxies keep theirs (Node's agent
  // 5 s, nginx/load balancers 60 s): the client, not the server, then closes an idle connection, and
  // never finds it closed under the request it just sent (ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  const stop = async (signal) => {
    if (draining) return;
    draining = true;
    console.log(`[serve] ${signal}: no new connections; finishing ${inFlight} request(s) in flight`);
    server.close();
    server.closeIdleConnections();
    const deadline = Date.now() + graceMs;
    while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (inFlight > 0) console.error(`[serve] ${inFlight} request(s) still running after ${graceMs} ms; closing them`);
    server.closeAllConnections();
    try {
      const hook = globalThis[SHUTDOWN];
      if (typeof hook !== "function") console.error("[serve] the shop registered no shutdown hook (instrumentation.ts)");
      else {
        const released = await hook();
        console.log(`[serve] housekeeping stopped; job leases released: ${released?.length ? released.join(", ") : "none held"}`);
      }
    } catch (err) {
      console.error("[serve] shutdown hook failed:", err instanceof Error ? err.message : err);
    }
    console.log("[serve] stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  server.listen(port, hostname, () => {
    console.log(`[serve] listening on ${hostname ?? "*"}:${port} (pid ${process.pid})`);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  });
}
