// Starts the shop for the e2e suite: fresh database, e-SCOTT emulator, the built shop served by
// scripts/serve.mjs (as `npm start` does), each on a free port. What the tests need to know is
// passed on through process.env (workers inherit it).
//
// E2E_ENGINE=sqlite (default): a SQLite file and one shop instance.
// E2E_ENGINE=postgresql (needs TEST_PG_URL, a cluster URL: scripts/pg/start-test-cluster.sh): a new
// database on that cluster, TWO shop instances (SHOP_INSTANCE_ID e2e-a and e2e-b) and a round-robin
// proxy in front of them (e2e/round-robin-proxy.mjs) whose URL is the shop's SITE_URL — the
// production layout of several instances behind one load balancer. E2E_INSTANCE_URLS and
// E2E_INSTANCE_PIDS (comma-separated) name the instances for the specs that talk to one directly
// (e2e/multi-instance.spec.ts); <E2E_DIR>/instances.json has their current pids after restarts.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, openSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { completeAdminSetup } from "@/lib/auth/admin-setup";
import { createDb } from "@/lib/db";
import { buildIfNeeded } from "@/scripts/launch/build";
import { startEmulatorIfNeeded } from "@/scripts/launch/emulator";
import { prepareDatabase, projectRoot, resolveConfig } from "@/scripts/launch/prepare";
import { freePort, shopSource, spawnShop, waitFor, writeInstances, type ShopInstance } from "@/scripts/e2e/instances";
import globalTeardown from "./global-teardown";

export type E2eEngine = "sqlite" | "postgresql";

export function e2eEngine(): E2eEngine {
  const value = (process.env.E2E_ENGINE || "sqlite").toLowerCase().replace(/^postgres$/, "postgresql");
  if (value !== "sqlite" && value !== "postgresql") throw new Error(`E2E_ENGINE must be sqlite or postgresql, not ${value}`);
  return value;
}

/** A new, empty database on the TEST_PG_URL cluster; its URL. */
async function createPostgresDatabase(dir: string): Promise<string> {
  const clusterUrl = process.env.TEST_PG_URL;
  if (!clusterUrl) throw new Error('E2E_ENGINE=postgresql needs TEST_PG_URL: eval "$(scripts/pg/start-test-cluster.sh --env)"');
  const name = `shop_e2e_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  // For the teardown, which drops it.
  writeFileSync(path.join(dir, "database.json"), JSON.stringify({ clusterUrl, name }));
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.href;
}

export default async function globalSetup(): Promise<void> {
  const engine = e2eEngine();
  const dir = mkdtempSync(path.join(tmpdir(), "shop-e2e-"));
  process.env.E2E_DIR = dir;
  try {
    await setup(engine, dir);
  } catch (err) {
    // Nothing left running (processes, the PostgreSQL database) when the setup fails half-way.
    await globalTeardown();
    throw err;
  }
}

async function setup(engine: E2eEngine, dir: string): Promise<void> {
  const pids: number[] = [];
  const savePids = () => writeFileSync(path.join(dir, "pids.json"), JSON.stringify(pids));

  const instanceIds = engine === "postgresql" ? ["e2e-a", "e2e-b"] : ["shop"];
  const ports = { emulator: await freePort(), front: await freePort(), instances: [] as number[] };
  // SQLite: the one instance is the front. PostgreSQL: the proxy is, on its own port.
  ports.instances = engine === "postgresql" ? [await freePort(), await freePort()] : [ports.front];
  const siteUrl = `http://localhost:${ports.front}`;
  const emulatorUrl = `http://localhost:${ports.emulator}`;
  const databaseUrl = engine === "postgresql" ? await createPostgresDatabase(dir) : `file:${path.join(dir, "shop.db")}`;
  const source = shopSource({ databaseUrl, siteUrl, port: ports.front, emulatorUrl });
  const { env, childEnv } = resolveConfig(source);
  const prepared = await prepareDatabase(env);
  if (!prepared.admin) throw new Error("expected a fresh database with a new admin");
  // The merchant would open the printed setup link (e2e/admin-setup.spec.ts does, for another admin);
  // the suite's admin is set up through the same code with a password of its own.
  const adminPassword = `e2e-admin-${randomBytes(12).toString("base64url")}`;
  const setupDb = createDb(env.DATABASE_URL);
  try {
    const done = await completeAdminSetup(setupDb, prepared.admin.token, { password: adminPassword, passwordConfirm: adminPassword });
    if (!done.ok) throw new Error(`admin setup failed: ${JSON.stringify(done.errors)}`);
  } finally {
    await setupDb.$disconnect();
  }

  const emulator = await startEmulatorIfNeeded(projectRoot, env, {
    // Through the proxy on PostgreSQL: notifications reach either instance, as from e-SCOTT.
    EMULATOR_NOTIFY_URL: `${siteUrl}/api/escott/notification`,
    EMULATOR_NOTIFY_RETRY_MS: "300",
    EMULATOR_STATE_FILE: path.join(dir, "emulator-state.json"),
  });
  if (emulator?.pid) pids.push(emulator.pid);
  savePids();

  buildIfNeeded(projectRoot, childEnv);
  // The shop as `npm start` serves it (scripts/serve.mjs); everything it prints is kept in its log.
  const instances: ShopInstance[] = instanceIds.map((id, i) => {
    const port = ports.instances[i]!;
    const instanceEnv: Record<string, string> =
      engine === "postgresql"
        ? {
            SHOP_INSTANCE_ID: id,
            // Behind the proxy: the client's address is the one the proxy appended to X-Forwarded-For.
            TRUSTED_PROXY_HOPS: "1",
            // A slow-card checkout (two e-SCOTT calls of 5 s) must finish while an instance drains.
            SHUTDOWN_GRACE_MS: "30000",
          }
        : {};
    const log = path.join(dir, engine === "postgresql" ? `shop-${id}.log` : "shop.log");
    const instance = { id, url: `http://localhost:${port}`, port, log, env: instanceEnv };
    const pid = spawnShop(dir, childEnv, instance);
    pids.push(pid);
    return { ...instance, pid };
  });
  writeInstances(dir, instances);
  savePids();
  await Promise.all(instances.map((i) => waitFor(i.url, 60_000)));

  if (engine === "postgresql") {
    const out = openSync(path.join(dir, "proxy.log"), "a");
    const proxy = spawn(process.execPath, [path.join(projectRoot, "e2e/round-robin-proxy.mjs")], {
      cwd: projectRoot,
      env: { ...process.env, PROXY_PORT: String(ports.front), PROXY_TARGETS: instances.map((i) => `http://127.0.0.1:${i.port}`).join(",") },
      stdio: ["ignore", out, out],
    });
    if (proxy.pid) pids.push(proxy.pid);
    savePids();
    await waitFor(siteUrl, 30_000);
  }

  Object.assign(process.env, {
    E2E_ENGINE: engine,
    E2E_DIR: dir,
    E2E_BASE_URL: siteUrl,
    E2E_EMULATOR_URL: emulatorUrl,
    E2E_DATABASE_URL: databaseUrl,
    E2E_INSTANCE_URLS: instances.map((i) => i.url).join(","),
    E2E_INSTANCE_PIDS: instances.map((i) => i.pid).join(","),
    // Every instance's log (path.delimiter-separated); E2E_SHOP_LOG is the first one's.
    E2E_SHOP_LOGS: instances.map((i) => i.log).join(path.delimiter),
    E2E_SHOP_LOG: instances[0]!.log,
    E2E_APP_ENCRYPTION_KEY: source.APP_ENCRYPTION_KEY,
    // Processes the specs start themselves (a second server, `npm run jobs:housekeeping`) must seal
    // and open secrets with the same key as the suite's shop.
    APP_ENCRYPTION_KEY: source.APP_ENCRYPTION_KEY,
    E2E_ADMIN_EMAIL: prepared.admin.email,
    E2E_ADMIN_PASSWORD: adminPassword,
  });
  if (engine === "postgresql") {
    console.log(`e2e on PostgreSQL (database ${new URL(databaseUrl).pathname.slice(1)}): ${instances.map((i) => `${i.id} ${i.url}`).join(", ")} behind the round-robin proxy ${siteUrl}`);
  }
}
