import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/security/request-checks";

// Static pages are cached and shared by every visitor, so a per-request nonce is not possible: scripts are
// limited to this origin plus Next's inline bootstrap. Development also needs eval for fast refresh.
const dev = process.env.NODE_ENV !== "production";
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

const nextConfig: NextConfig = {
  // PGlite ships wasm and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  // An ETag is a hash of the whole HTML, computed in JavaScript on every response of a cached page (0.11 ms for
  // the configurator's 59 KB, about a tenth of the request): a cost every visit pays for a 304 that only a
  // revalidating browser gains. Cached pages are marked s-maxage for a shared cache in front of the app.
  generateEtags: false,
  // Separate build folders let several checkouts' test servers build side by side (NEXT_DIST_DIR=.next-x).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  typedRoutes: false,
  experimental: {
    // The largest form a page sends (a product draft with its image). The edge guard answers a larger body
    // with a 413 and a message before Next reads it (Next itself would answer a 500).
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
  },
  // A share link is rendered per request with its configuration (app/(shop)/share/[slug]), so its HTML
  // and first paint show what was shared; the plain configurator page stays cached. Matched before the file
  // system, only when the query carries a configuration or a quantity.
  async rewrites() {
    return {
      beforeFiles: ["c", "q"].map((key) => ({ source: "/products/:slug", has: [{ type: "query" as const, key }], destination: "/share/:slug" })),
      afterFiles: [],
      fallback: [],
    };
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: contentSecurityPolicy },
          // Browsers honour HSTS only over https, where it keeps every later visit on https.
          { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
