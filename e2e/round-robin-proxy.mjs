// A tiny round-robin reverse proxy for the e2e suite's PostgreSQL run: two shop instances behind
// one URL, as a load balancer would put them (e2e/global-setup.ts starts it with E2E_ENGINE=postgresql).
//
// - Requests go to the targets in turn; bodies are streamed both ways, headers (cookies, redirects'
//   Location, Set-Cookie) passed through unchanged, Host included, so the shop sees its public host.
// - X-Forwarded-For gets the client's address appended (the instances run with TRUSTED_PROXY_HOPS=1),
//   X-Forwarded-Proto/Host are set. Each response says which target served it (X-E2E-Upstream).
// - Listens on every interface, like scripts/serve.mjs (SITE_URL says localhost: ::1 or 127.0.0.1).
// - Request bodies are read in full first (nginx's proxy_request_buffering), then sent upstream over
//   kept-alive connections (nginx's `keepalive` upstream pool): a burst of requests (e2e/fuzz.spec.ts)
//   reuses a few sockets instead of opening one per request until the ports run out.
// - A target that refuses the connection (stopped, draining, killed) is skipped for a second and the
//   request goes to the next one: nothing of the request has been sent yet, so this is safe for POSTs.
//   A kept-alive connection that fails before any answer (the instance closed it while idle, or died
//   with the request) is retried on the next target for GET/HEAD/OPTIONS only, as nginx does
//   (proxy_next_upstream without non_idempotent): a POST may have been processed, it gets 502.
//
//   node e2e/round-robin-proxy.mjs            PROXY_PORT=… PROXY_TARGETS=http://127.0.0.1:a,http://127.0.0.1:b
import http from "node:http";

const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade"]);
const DOWN_FOR_MS = 1000;
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS"]);

/** Starts the proxy; resolves once it listens. */
export function startRoundRobinProxy({ targets, port = 0, host = undefined, log = () => {} }) {
  const upstreams = targets.map((url, index) => ({ url: new URL(url), index, downUntil: 0, served: 0 }));
  // Idle upstream sockets are dropped after 2 s, before the instances' own keep-alive timeout (5 s).
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32, maxFreeSockets: 8, timeout: 2000, scheduling: "lifo" });
  let next = 0;

  /** The targets to try for one request, in round-robin order, those marked down last. */
  function order() {
    const start = next++ % upstreams.length;
    const turn = upstreams.map((_, i) => upstreams[(start + i) % upstreams.length]);
    const now = Date.now();
    return [...turn.filter((u) => u.downUntil <= now), ...turn.filter((u) => u.downUntil > now)];
  }

  function requestHeaders(req) {
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
    }
    const peer = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
    const prior = req.headers["x-forwarded-for"];
    headers["x-forwarded-for"] = prior ? `${Array.isArray(prior) ? prior.join(", ") : prior}, ${peer}` : peer;
    headers["x-forwarded-proto"] = "http";
    if (req.headers.host) headers["x-forwarded-host"] = req.headers.host;
    return headers;
  }

  /** Reads the whole request body (nginx buffers it too), so a retry can send it again. */
  function readBody(req) {
    return new Promise((resolve, reject) => {
      const chunks = [];
      req.on("data", (chunk) => chunks.push(chunk));
      req.on("end", () => resolve(Buffer.concat(chunks)));
      req.on("error", reject);
    });
  }

  const server = http.createServer(async (req, res) => {
    const candidates = order();
    const headers = requestHeaders(req);
    let body;
    try {
      body = await readBody(req);
    } catch {
      res.destroy();
      return;
    }
    if (body.length > 0 || req.headers["content-length"] !== undefined) headers["content-length"] = String(body.length);

    const attempt = (i) => {
      if (res.destroyed) return; // the client went away meanwhile
      const upstream = candidates[i];
      let answered = false;
      let connected = false;
      let reused = false;
      const proxied = http.request(
        { agent, protocol: "http:", hostname: upstream.url.hostname, port: upstream.url.port, method: req.method, path: req.url, headers },
        (upstreamRes) => {
          answered = true;
          upstream.served++;
          const out = [];
          for (let k = 0; k < upstreamRes.rawHeaders.length; k += 2) {
            if (!HOP_BY_HOP.has(upstreamRes.rawHeaders[k].toLowerCase())) out.push(upstreamRes.rawHeaders[k], upstreamRes.rawHeaders[k + 1]);
          }
          out.push("X-E2E-Upstream", upstream.url.origin);
          res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, out);
          upstreamRes.pipe(res);
          upstreamRes.on("error", () => res.destroy());
        },
      );
      proxied.on("socket", (socket) => {
        reused = proxied.reusedSocket;
        if (socket.connecting) socket.once("connect", () => (connected = true));
        else connected = true;
      });
      proxied.on("error", (err) => {
        const refused = !connected;
        const closedWhileIdle = reused && IDEMPOTENT.has(req.method) && (err.code === "ECONNRESET" || err.code === "EPIPE");
        if (!answered && (refused || closedWhileIdle) && i + 1 < candidates.length && !res.destroyed) {
          if (refused) upstream.downUntil = Date.now() + DOWN_FOR_MS;
          log(`[proxy] ${upstream.url.origin} ${err.code ?? err.message}${reused ? " (reused connection)" : ""}: ${req.method} ${req.url} → next target`);
          attempt(i + 1);
          return;
        }
        log(`[proxy] ${upstream.url.origin} ${err.code ?? err.message}: ${req.method} ${req.url} failed`);
        if (!res.headersSent) res.writeHead(502, { "Content-Type": "text/plain" }).end("bad gateway");
        else res.destroy();
      });
      // The client went away: stop the upstream request too.
      res.on("close", () => {
        if (!res.writableFinished) proxied.destroy();
      });
      proxied.end(body);
    };
    attempt(0);
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({
        port: address.port,
        stats: () => upstreams.map((u) => ({ target: u.url.origin, served: u.served })),
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const targets = (process.env.PROXY_TARGETS ?? "").split(",").filter(Boolean);
  if (targets.length === 0) {
    console.error("PROXY_TARGETS: comma-separated target URLs");
    process.exit(2);
  }
  const proxy = await startRoundRobinProxy({ targets, port: Number(process.env.PROXY_PORT || 0), host: process.env.PROXY_HOST || undefined, log: (line) => console.log(line) });
  console.log(`[proxy] listening on ${proxy.port}, round-robin over ${targets.join(" ")}`);
  const stop = () => {
    console.log(`[proxy] stopping; served ${JSON.stringify(proxy.stats())}`);
    void proxy.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
