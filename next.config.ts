import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and wasm modules stay out of the bundle; they are loaded by Node at run time.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // scripts/serve.mjs compresses instead, leaving out the machine endpoints under /api/.
  compress: false,
  // Lets two checkouts of the work tree build and serve side by side (e.g. parallel e2e runs).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole project (tsc --noEmit), tests and emulator included;
  // the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // forbidden() gives admin pages and actions a real 403 for logged-in non-admins.
  experimental: { authInterrupts: true },
};

export default nextConfig;
