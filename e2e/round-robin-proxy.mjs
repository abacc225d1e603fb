// A tiny round-robin reverse proxy for the e2e suite's PostgreSQL run: two shop instances behind
// one URL, as a load balancer would put them (e2e/global-setup.ts starts it with E2E_ENGINE=postgresql).
//
// - Requests go to the targets in turn; bodies are streamed both ways, headers (cookies, redirects'
//   Location, Set-Cookie) passed through unchanged, Host included, so the shop sees its public host.
// - X-Forwarded-For gets the client's address appended (the instances run with TRUSTED_PROXY_HOPS=1),
//   X-Forwarded-Proto/Host are set. Each response says which target served it (X-E2E-Upstream).
// - Listens on every interface, like scripts/serve.mjs (SITE_URL says localhost: ::1 or 127.0.0.1).
// - A target that refuses the connection (stopped, draining, killed) is skipped for a second and the
//   request goes to the next one: nothing of the request has been sent yet, so this is safe for POSTs.
//   One connection per request (no keep-alive upstream), so a draining instance is never sent a
//   request on a connection it is closing.
//
//   node e2e/round-robin-proxy.mjs            PROXY_PORT=… PROXY_TARGETS=http://127.0.0.1:a,http://127.0.0.1:b
import http from "node:http";

const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade"]);
const DOWN_FOR_MS = 1000;

/** Starts the proxy; resolves once it listens. */
export function startRoundRobinProxy({ targets, port = 0, host = undefined, log = () => {} }) {
  const upstreams = targets.map((url, index) => ({ url: new URL(url), index, downUntil: 0, served: 0 }));
  const agent = new http.Agent({ keepAlive: false });
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

  const server = http.createServer((req, res) => {
    const candidates = order();
    const headers = requestHeaders(req);

    const attempt = (i) => {
      if (res.destroyed) return; // the client went away meanwhile
      const upstream = candidates[i];
      let started = false;
      const proxied = http.request(
        { agent, protocol: "http:", hostname: upstream.url.hostname, port: upstream.url.port, method: req.method, path: req.url, headers },
        (upstreamRes) => {
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
        const start = () => {
          started = true;
          req.pipe(proxied);
        };
        if (socket.connecting) socket.once("connect", start);
        else start();
      });
      proxied.on("error", (err) => {
        if (!started && i + 1 < candidates.length && !res.destroyed) {
          // Refused before anything was sent: this target is down; the next one gets the request.
          upstream.downUntil = Date.now() + DOWN_FOR_MS;
          log(`[proxy] ${upstream.url.origin} ${err.code ?? err.message}: ${req.method} ${req.url} → next target`);
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
