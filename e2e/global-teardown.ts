// Stops everything the global setup (and the specs restarting a shop instance) started, drops the
// PostgreSQL database of an E2E_ENGINE=postgresql run, removes the suite's directory.
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { isRunning, readInstances } from "@/scripts/e2e/instances";

function readJson<T>(file: string, fallback: T): T {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return fallback;
  }
}

async function stopAll(pids: number[]): Promise<void> {
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  // The shop drains and exits at once when idle; whatever is still there after 10 s is killed.
  const deadline = Date.now() + 10_000;
  while (pids.some(isRunning) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const pid of pids.filter(isRunning)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone meanwhile
    }
  }
}

async function dropDatabase(dir: string): Promise<void> {
  const file = path.join(dir, "database.json");
  if (!existsSync(file)) return;
  const { clusterUrl, name } = readJson<{ clusterUrl: string; name: string }>(file, { clusterUrl: "", name: "" });
  if (!clusterUrl || !name) return;
  const admin = new pg.Client({ connectionString: clusterUrl });
  try {
    await admin.connect();
    // FORCE: connections a killed process left behind must not keep the database alive.
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } catch (err) {
    console.error(`e2e teardown: could not drop database ${name}:`, err instanceof Error ? err.message : err);
  } finally {
    await admin.end().catch(() => {});
  }
}

export default async function globalTeardown(): Promise<void> {
  const dir = process.env.E2E_DIR;
  if (!dir || !existsSync(dir)) return;
  try {
    const pids = new Set([...readJson<number[]>(path.join(dir, "pids.json"), []), ...readInstances(dir).map((i) => i.pid)]);
    await stopAll([...pids]);
    await dropDatabase(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
