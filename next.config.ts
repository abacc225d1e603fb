import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and wasm modules stay out of the bundle; they are loaded by Node at run time.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
