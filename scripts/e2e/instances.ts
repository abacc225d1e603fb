// The e2e suite's shop instances (scripts/serve.mjs, as `npm start` serves the shop): started by
// e2e/global-setup.ts and, after a spec stopped or killed one, started again by that spec on the
// same port. <E2E_DIR>/instances.json always names the running processes, so the teardown stops
// whatever runs at the end; <E2E_DIR>/exit-<pid>.json records how each one ended (code, signal),
// written by whichever process started it.
import { spawn } from "node:child_process";
import { existsSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { projectRoot, resolveConfig } from "@/scripts/launch/prepare";

export interface ShopInstance {
  /** "shop" (SQLite run) or e2e-a / e2e-b (also the instance's SHOP_INSTANCE_ID). */
  id: string;
  url: string;
  port: number;
  pid: number;
  /** Everything the process prints (the card-data audit spec searches it). */
  log: string;
  /** What this instance gets on top of the suite's shop configuration. */
  env: Record<string, string>;
}

/** Secrets of the throw-away e2e shop (every instance and job shares them). */
export const E2E_SECRETS = {
  NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  APP_ENCRYPTION_KEY: "e2e-encryption-key-e2e-encryption-key",
} as const;

/** The shop's configuration for the suite (what `npm start` would be given). */
export function shopSource(options: { databaseUrl: string; siteUrl: string; port: number; emulatorUrl: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    SITE_URL: options.siteUrl,
    PORT: String(options.port),
    ESCOTT_EMULATOR_URL: options.emulatorUrl,
    ESCOTT_TARGET: "emulator",
    EMULATOR_AUTOSTART: "true",
    ADMIN_EMAIL: "admin@e2e.test",
    ...E2E_SECRETS,
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * Spawns `node scripts/serve.mjs` with the shop's child env plus the instance's own, its output
 * appended to its log. `detached`: a process group of its own, so it outlives the spawner (a
 * Playwright worker) — the teardown stops it by pid.
 */
export function spawnShop(dir: string, childEnv: NodeJS.ProcessEnv, instance: Omit<ShopInstance, "pid">, options: { detached?: boolean } = {}): number {
  const out = openSync(instance.log, "a");
  // `npm run bench -- --cpu-prof` (bench/README.md): each instance writes a V8 CPU profile when it stops.
  const profile = process.env.SHOP_CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.SHOP_CPU_PROF_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(projectRoot, "scripts/serve.mjs")], {
    cwd: projectRoot,
    env: { ...childEnv, PORT: String(instance.port), NODE_ENV: "production", ...instance.env },
    stdio: ["ignore", out, out],
    detached: options.detached ?? false,
  });
  if (!child.pid) throw new Error(`could not start shop instance ${instance.id}`);
  const pid = child.pid;
  child.on("exit", (code, signal) => {
    try {
      writeFileSync(path.join(dir, `exit-${pid}.json`), JSON.stringify({ code, signal }));
    } catch {
      // the suite's directory is already gone (teardown)
    }
  });
  if (options.detached) child.unref();
  return pid;
}

function instancesFile(dir: string): string {
  return path.join(dir, "instances.json");
}

export function readInstances(dir = process.env.E2E_DIR!): ShopInstance[] {
  const file = instancesFile(dir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as ShopInstance[]) : [];
}

export function writeInstances(dir: string, instances: ShopInstance[]): void {
  writeFileSync(instancesFile(dir), JSON.stringify(instances, null, 2));
}

/** How a shop process ended, once it has (recorded by the process that started it). */
export function exitOf(pid: number, dir = process.env.E2E_DIR!): { code: number | null; signal: string | null } | null {
  const file = path.join(dir, `exit-${pid}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { code: number | null; signal: string | null }) : null;
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts instance `id` of the running suite again (same port, log and configuration) after a
 * spec stopped it, from a spec's worker; returns the new process's entry.
 */
export async function restartInstance(id: string): Promise<ShopInstance> {
  const dir = process.env.E2E_DIR!;
  const instances = readInstances(dir);
  const instance = instances.find((i) => i.id === id);
  if (!instance) throw new Error(`no e2e shop instance ${id}`);
  if (isRunning(instance.pid)) throw new Error(`e2e shop instance ${id} (pid ${instance.pid}) is still running`);
  const { childEnv } = resolveConfig(
    shopSource({ databaseUrl: process.env.E2E_DATABASE_URL!, siteUrl: process.env.E2E_BASE_URL!, port: instance.port, emulatorUrl: process.env.E2E_EMULATOR_URL! }),
  );
  const pid = spawnShop(dir, childEnv, instance, { detached: true });
  const restarted = { ...instance, pid };
  writeInstances(
    dir,
    instances.map((i) => (i.id === id ? restarted : i)),
  );
  await waitFor(instance.url, 60_000);
  return restarted;
}
