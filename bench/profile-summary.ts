// `npx tsx bench/profile-summary.ts DIR|FILE.cpuprofile [--top N]`: where a shop instance spent its
// CPU time during `npm run bench -- --cpu-prof`. Prints self time grouped by package (or our own
// source file) and the top functions, so a change can be aimed at what actually costs.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** "next", "react-dom", "@prisma/client", "ours: lib/payments/cvs/notification.ts", "(node)", "(idle)"… */
export function owner(url: string, functionName: string): string {
  if (!url) return functionName === "(idle)" || functionName === "(program)" || functionName === "(garbage collector)" ? functionName : "(native)";
  if (url.startsWith("node:")) return "(node)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  // Our server bundles: .next/server/chunks/… carry our modules compiled together; name the file.
  const next = url.indexOf("/.next/");
  return next >= 0 ? `build: ${url.slice(next + 1)}` : `ours: ${url.replace(/^file:\/\//, "")}`;
}

function summarize(profile: CpuProfile, top: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const who = owner(url, functionName);
    byOwner.set(who, (byOwner.get(who) ?? 0) + us);
    const fn = `${functionName || "(anonymous)"} ${who}${url ? `:${lineNumber + 1}` : ""}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const busy = total - (byOwner.get("(idle)") ?? 0);
  // Inclusive: a sample counts once for every package on its stack (Prisma's share includes the
  // driver it calls; "next" includes nearly everything a request does).
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url } = byId.get(at)!.callFrame;
      seen.add(owner(url, functionName));
    }
    for (const who of seen) inclusive.set(who, (inclusive.get(who) ?? 0) + us);
  }
  const rows = (m: Map<string, number>) =>
    [...m]
      .filter(([k]) => k !== "(idle)" && !k.startsWith("(idle)"))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `  ${(us / 1000).toFixed(0).padStart(7)} ms ${((us / busy) * 100).toFixed(1).padStart(5)} %  ${k}`)
      .join("\n");
  return [`busy ${(busy / 1000).toFixed(0)} ms of ${(total / 1000).toFixed(0)} ms sampled`, "by package / file (self time):", rows(byOwner), "by package / file (inclusive: on the stack):", rows(inclusive), `top ${top} functions (self time):`, rows(byFunction)].join("\n");
}

function main(): void {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { top: { type: "string", default: "25" } } });
  const target = positionals[0];
  if (!target) throw new Error("usage: npx tsx bench/profile-summary.ts DIR|FILE.cpuprofile [--top N]");
  const files = statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((f) => f.endsWith(".cpuprofile"))
        .map((f) => path.join(target, f))
    : [target];
  for (const file of files) {
    console.log(`== ${path.basename(file)}`);
    console.log(summarize(JSON.parse(readFileSync(file, "utf8")) as CpuProfile, Number(values.top)));
  }
}

main();
