/**
 * Loaded into the server process (`node --require lib/auth/forwarded-for-preload.cjs`, see
 * lib/cli/start.ts) so that `X-Forwarded-For` can be believed (lib/auth/client-address.ts).
 *
 * Next 16 only sets the header from the socket when the request has none, so a client could name
 * any address it likes. Here, before Next sees the request: without TRUST_PROXY the header becomes
 * the socket's address, whatever the client sent; with TRUST_PROXY (a reverse proxy in front) the
 * socket's address (the proxy's) is appended to what the proxy sent, as one more proxy would.
 */
"use strict";
// A preload runs before any loader: plain CommonJS.
const http = require("node:http");

const trustProxy = (value) => Boolean(value) && value !== "false" && value !== "0";

/** Rewrites one request's X-Forwarded-For; exported for the test. */
function rewriteForwardedFor(req, env = process.env) {
  const socket = req.socket && req.socket.remoteAddress ? req.socket.remoteAddress : "";
  const sent = req.headers["x-forwarded-for"];
  req.headers["x-forwarded-for"] =
    trustProxy(env.TRUST_PROXY) && sent ? `${sent}, ${socket}` : socket;
}

const MARK = Symbol.for("street-goals.forwarded-for");
if (!http.Server.prototype[MARK]) {
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, ...rest) {
    if (event === "request" && req && req.headers) rewriteForwardedFor(req);
    return emit.call(this, event, req, ...rest);
  };
  http.Server.prototype[MARK] = true;
}

module.exports = { rewriteForwardedFor };
