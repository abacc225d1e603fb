// Starts the local e-SCOTT emulator as its own process when the shop is configured to use it.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Env } from "@/lib/env";

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return res.status < 500;
  } catch {
    return false;
  }
}

export async function startEmulatorIfNeeded(root: string, env: Env, extraEnv: Record<string, string> = {}): Promise<ChildProcess | null> {
  if (env.ESCOTT_TARGET !== "emulator" || !env.EMULATOR_AUTOSTART) return null;
  const entry = path.join(root, "emulator/main.ts");
  if (!existsSync(entry)) return null;
  const base = new URL(env.ESCOTT_EMULATOR_URL);
  if (await answers(base.href)) {
    console.log(`e-SCOTT emulator already running at ${base.origin}`);
    return null;
  }
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), entry], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      ...extraEnv,
      EMULATOR_PORT: base.port || "80",
      EMULATOR_PUBLIC_URL: base.origin,
      EMULATOR_NOTIFY_URL: extraEnv.EMULATOR_NOTIFY_URL ?? new URL("/api/escott/notification", env.SITE_URL).href,
      // Keep registrations and members across restarts of `npm start` (tests pass their own).
      EMULATOR_STATE_FILE: extraEnv.EMULATOR_STATE_FILE ?? process.env.EMULATOR_STATE_FILE ?? path.join(root, "data/emulator-state.json"),
      EMULATOR_QUIET: extraEnv.EMULATOR_QUIET ?? "true",
    },
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The e-SCOTT emulator exited (code ${child.exitCode})`);
    if (await answers(base.href)) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`The e-SCOTT emulator did not answer at ${base.origin} within 30 s`);
}
