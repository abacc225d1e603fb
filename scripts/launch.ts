// `npm start` / `npm run dev`: prepare the database, start the e-SCOTT emulator when it is
// the gateway (the default), build if the sources changed, and serve the shop.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { printAdminSetup } from "@/scripts/launch/admin-banner";
import { buildIfNeeded } from "@/scripts/launch/build";
import { startEmulatorIfNeeded } from "@/scripts/launch/emulator";
import { loadDotEnv, prepareDatabase, projectRoot, resolveConfig } from "@/scripts/launch/prepare";

async function main() {
  const mode = process.argv[2] === "dev" ? "dev" : "start";
  loadDotEnv();
  const { env, childEnv } = resolveConfig(process.env);

  const prepared = await prepareDatabase(env);
  if (prepared.migrations.length) console.log(`Applied migrations: ${prepared.migrations.join(", ")}`);
  if (prepared.seeded) console.log(`Seeded ${prepared.seeded} demo products.`);
  for (const warning of prepared.warnings) console.warn(`Warning: ${warning}`);
  if (prepared.admin) printAdminSetup(prepared.admin, env.SITE_URL);

  const children: ChildProcess[] = [];
  const emulator = await startEmulatorIfNeeded(projectRoot, env);
  if (emulator) children.push(emulator);

  // Production is served by scripts/serve.mjs (`next start` plus the client's address for the
  // throttles and a graceful SIGTERM); development by `next dev`.
  if (mode === "start") buildIfNeeded(projectRoot, childEnv);
  const args = mode === "dev" ? [path.join(projectRoot, "node_modules/next/dist/bin/next"), "dev", "-p", String(env.PORT)] : [path.join(projectRoot, "scripts/serve.mjs")];
  const server = spawn(process.execPath, args, {
    cwd: projectRoot,
    stdio: "inherit",
    env: { ...childEnv, PORT: String(env.PORT), NODE_ENV: mode === "dev" ? "development" : "production" },
  });
  children.push(server);
  console.log(`Shop: ${env.SITE_URL}`);
  if (env.ESCOTT_TARGET === "emulator") console.log("Payments go to the local e-SCOTT emulator: every page shows a demo banner, no real payment is made.");

  const stop = () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => {
    stop();
    process.exit(code ?? 0);
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
