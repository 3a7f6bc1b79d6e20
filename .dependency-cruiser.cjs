// Architecture as code: `npm run lint:deps` (dependency-cruiser 17; 18 needs Node 22) fails on any of these.
// It reads app/, components/ and lib/ with the tsconfig paths (`@/*`), type-only imports included.
// Prisma's generated client (lib/generated) is a target the rules can name, but it is not followed: it has
// cycles of its own.

/** The pure modules: the configuration engine and the pure part of delivery (no database, no server, no Node). */
const PURE = [
  "^lib/configurator/",
  "^lib/delivery/(weeks|utc-date|calendar|schedule|work|estimate|estimate-json|estimate-request|typical-window)\\.ts$",
];

/** What only a server may load: the database layer, Prisma, the drivers, Next's request-bound APIs. */
const SERVER_ONLY = [
  "^lib/db/",
  "^lib/generated/",
  "^node_modules/server-only/",
  "^node_modules/@prisma/",
  "^node_modules/\\.prisma/",
  "^node_modules/pg/",
  "^node_modules/pg-[^/]+/",
  "^node_modules/@electric-sql/",
  "^node_modules/pglite-prisma-adapter/",
  "^node_modules/next/(headers|cache)(\\.js|\\.d\\.ts|/|$)",
  "^node_modules/next/dist/(server/request|server/web/spec-extension/(revalidate|unstable-cache))",
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "An import cycle in app/, components/ or lib/ (type-only and dynamic imports count too). Move the shared part into a module both can import.",
      from: { path: "^(app|components|lib)/", pathNot: "^lib/generated/" },
      to: { circular: true, pathNot: "^lib/generated/" },
    },
    {
      name: "lib-not-to-app-or-components",
      severity: "error",
      comment: "lib/ is the application's core: it must not import the routes (app/) or the React components (components/).",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "pure-not-to-server-only",
      severity: "error",
      comment: "The engine (lib/configurator) and the pure part of delivery run in the browser and in tests without a database: no server-only, lib/db, Prisma, pg, PGlite, next/headers or next/cache.",
      from: { path: PURE },
      to: { path: SERVER_ONLY },
    },
    {
      name: "pure-not-to-server-only-indirectly",
      severity: "error",
      comment: "As pure-not-to-server-only, through any chain of imports.",
      from: { path: PURE },
      to: { path: SERVER_ONLY, reachable: true },
    },
    {
      name: "pure-not-to-node-builtins",
      severity: "error",
      comment: "The pure modules use no Node built-in (node:*, fs, crypto...): they run in the browser.",
      from: { path: PURE },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "components-not-to-db",
      severity: "error",
      comment: "React components get their data from pages and actions, never from lib/db.",
      from: { path: "^components/" },
      to: { path: "^lib/db/" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that resolves to nothing (a typo, or a path alias the config does not know): the rules above could not see it.",
      from: { path: "^(app|components|lib)/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "^lib/generated/"] },
    exclude: { path: ["^\\.next", "^node_modules/\\.cache"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".d.ts", ".js", ".mjs", ".cjs", ".json"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
