import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/en";
import { ja } from "@/lib/i18n/ja";
import { CLIENT_GROUPS, clientGroups, type DictionaryGroup, type GroupsFolder } from "@/lib/i18n/client-payload";

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
const FOLDERS = Object.keys(CLIENT_GROUPS) as GroupsFolder[];

describe("the dictionary the client components get", () => {
  it.each([["ja", ja], ["en", en]] as const)("%s: each folder's layout adds its groups, exactly", (_locale, dict) => {
    for (const folder of FOLDERS) {
      expect(Object.keys(clientGroups(dict, folder)).sort()).toEqual([...CLIENT_GROUPS[folder]].sort());
      for (const group of CLIENT_GROUPS[folder]) expect(clientGroups(dict, folder)[group as never]).toBe(dict[group]);
    }
    // The point of it: what every page carries in its HTML is a small part of the dictionary.
    expect(bytes(clientGroups(dict, ""))).toBeLessThan(bytes(dict) * 0.1);
  });

  it("names only groups of the dictionary, each once per folder", () => {
    for (const folder of FOLDERS) {
      for (const group of CLIENT_GROUPS[folder]) expect(Object.keys(ja)).toContain(group);
      expect(new Set(CLIENT_GROUPS[folder]).size).toBe(CLIENT_GROUPS[folder].length);
    }
  });
});

// Reads the sources of app/, components/ and lib/ as a graph of value imports, to find where each group is
// read on the client and on which routes that code renders.
const ROOT = process.cwd();
function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(path.join(ROOT, file)).isDirectory()) return name === "generated" ? [] : sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}
const FILES = ["app", "components", "lib"].flatMap(sourceFiles);
const SOURCE = new Map(FILES.map((file) => [file, readFileSync(path.join(ROOT, file), "utf8")]));

function resolve(spec: string, from: string): string | undefined {
  const base = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? path.join(path.dirname(from), spec) : undefined;
  if (base === undefined) return undefined;
  return ["", ".ts", ".tsx", "/index.ts", "/index.tsx"].map((ext) => base + ext).find((file) => SOURCE.has(file));
}

/** Value imports (and re-exports) of each file; `import type` is erased and bundles nothing. */
const IMPORTS = new Map<string, string[]>();
const IMPORTERS = new Map<string, string[]>();
for (const [file, text] of SOURCE) {
  const deps = [...text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^;]*?\sfrom\s+)?["']([^"']+)["']/gms)]
    .filter((m) => !m[1])
    .map((m) => resolve(m[2]!, file))
    .filter((dep): dep is string => dep !== undefined);
  IMPORTS.set(file, deps);
  for (const dep of deps) IMPORTERS.set(dep, [...(IMPORTERS.get(dep) ?? []), file]);
}
const directive = (file: string, name: string) => new RegExp(`^\\s*["']use ${name}["']`).test(SOURCE.get(file)!);

/** The files a "use client" file bundles: what it imports, up to the server actions (which stay on the server). */
function clientModules(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || directive(file, "server")) return;
    seen.add(file);
    IMPORTS.get(file)!.forEach(visit);
  };
  visit(entry);
  return seen;
}

/**
 * The app/ folders whose pages render `file` (a "use client" file reached from server code). A layout's own
 * markup is outside the groups it adds, so a layout counts as its parent folder.
 */
function routeFolders(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const route = /^app\/(?:(.*)\/)?(page|layout|error|not-found|forbidden|global-error|template|loading|default)\.tsx$/.exec(file);
  const own = route ? [route[2] === "layout" ? path.dirname(route[1] ?? ".").replace(/^\.$/, "") : (route[1] ?? "")] : [];
  return [...own, ...(IMPORTERS.get(file) ?? []).flatMap((importer) => routeFolders(importer, seen))];
}

/** The groups the pages in `folder` have: the root layout's and those of the layouts of the folders above it. */
function groupsAt(folder: string): Set<string> {
  const segments = folder.split("/").filter(Boolean);
  const folders = ["", ...segments.map((_, i) => segments.slice(0, i + 1).join("/"))];
  return new Set(folders.flatMap((f) => (f in CLIENT_GROUPS ? CLIENT_GROUPS[f as GroupsFolder] : [])));
}

const GROUPS = new Set(Object.keys(ja));
/**
 * `dict.group` reads, and literal message keys ("group.name") a form may pass to errorText; not in lib/i18n,
 * which holds the dictionaries and the key lists.
 */
function groupsRead(file: string): Set<string> {
  const text = SOURCE.get(file)!;
  const reads = [...text.matchAll(/\bdict\.(\w+)/g)].map((m) => m[1]!);
  const keys = file.startsWith("lib/i18n/") ? [] : [...text.matchAll(/["'`](\w+)\.(\w+)(?::\d+)?["'`]/g)]
    .filter((m) => GROUPS.has(m[1]!) && Object.hasOwn(ja[m[1] as DictionaryGroup], m[2]!))
    .map((m) => m[1]!);
  return new Set([...reads, ...keys].filter((group) => GROUPS.has(group)));
}

const ENTRIES = FILES.filter((file) => directive(file, "client"));

describe("who reads which group on the client", () => {
  it("every group a client component reads is given on every route it renders on", () => {
    const missing: string[] = [];
    for (const entry of ENTRIES) {
      const folders = [...new Set(routeFolders(entry))];
      for (const file of clientModules(entry)) {
        // Messages of the server actions it calls come back to it for errorText (their own literal keys;
        // keys from deeper down — the payment and settings libraries — are the admin's and checkout's, given there).
        const actions = IMPORTS.get(file)!.filter((dep) => directive(dep, "server"));
        const read = new Set([...groupsRead(file), ...actions.flatMap((action) => [...groupsRead(action)])]);
        for (const folder of folders) {
          const given = groupsAt(folder);
          for (const group of read) if (!given.has(group)) missing.push(`${file} (via ${entry}) reads ${group} on app/${folder}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("reads the dictionary only as dict.group (the check above can see nothing else)", () => {
    const dynamic = ENTRIES.flatMap((entry) => [...clientModules(entry)]).filter((file) => /\bdict\[/.test(SOURCE.get(file)!));
    expect([...new Set(dynamic)]).toEqual([]);
  });

  it("finds the client components and where they render", () => {
    // Guards the check above against reading nothing: these are known readers and their routes.
    expect(routeFolders("components/checkout/card/card-fields.tsx").sort()).toEqual(["account/card", "checkout"]);
    expect(groupsRead("components/admin/status-form.tsx")).toEqual(new Set(["admin", "status"]));
    expect(ENTRIES.length).toBeGreaterThan(30);
  });

  it("each folder's layout adds that folder's groups", () => {
    for (const folder of FOLDERS) {
      const layout = folder === "" ? "app/layout.tsx" : `app/${folder}/layout.tsx`;
      expect(existsSync(path.join(ROOT, layout)), layout).toBe(true);
      expect(SOURCE.get(layout), layout).toContain(`clientGroups(dict, "${folder}")`);
    }
  });
});
