// Preloaded into `next start` by scripts/start.ts (node --require): holds every request that arrives before
// the app's edge guard is installed, then hands them to it. `next start` listens before it loads
// instrumentation.ts, so without this the first requests after a start (about a second's worth) would reach
// Next with forged X-Forwarded-* headers untouched. See lib/security/edge-guard.ts.
const http = require("node:http");

const installed = Symbol.for("atelier.edgeGuard");
const release = Symbol.for("atelier.edgeGuardRelease");
const emit = http.Server.prototype.emit;
const held = [];

http.Server.prototype.emit = function holdUntilGuarded(event, ...args) {
  if (event === "request" && !globalThis[installed]) {
    held.push([this, args]);
    return true;
  }
  return emit.call(this, event, ...args);
};

// Called by the edge guard once it wraps emit: the held requests go through it, in order.
globalThis[release] = () => {
  for (const [server, args] of held.splice(0)) server.emit("request", ...args);
};
