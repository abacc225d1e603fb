import { readFileSync, rmSync } from "node:fs";
import path from "node:path";

export default async function globalTeardown(): Promise<void> {
  const dir = process.env.E2E_DIR;
  if (!dir) return;
  try {
    const pids = JSON.parse(readFileSync(path.join(dir, "pids.json"), "utf8")) as number[];
    for (const pid of pids) {
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  } finally {
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
}
