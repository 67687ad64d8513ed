/**
 * How answers leave the server: API answers are never cached (they carry patient data), every
 * answer denies browser features the app never uses, and the built web app is sent precompressed
 * (brotli or gzip, made at build) with immutable caching for hashed files and none for index.html.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { MiddlewareHandler } from "hono";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { serveStatic } from "@hono/node-server/serve-static";
import type { AppEnv } from "./env.ts";

const webRoot = path.resolve(import.meta.dirname, "../../dist/web");

/** Features the web app never needs; a script that got in cannot turn them on either. */
export const permissionsPolicy = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

export const cacheControl = {
  /** Vite names these by content hash: a new build means a new name. */
  hashed: "public, max-age=31536000, immutable",
  /** index.html and other unhashed files: always ask whether there is a newer build. */
  revalidate: "no-cache",
  /** Anything from the API: patient data must not stay in a browser or proxy cache. */
  api: "no-store",
} as const;

export const deliveryHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.header("Permissions-Policy", permissionsPolicy);
  if (c.req.path === "/api" || c.req.path.startsWith("/api/")) {
    c.header("Cache-Control", cacheControl.api);
  }
};

/** Set on the way out, so it covers precompressed and plain files alike. */
const staticCaching: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.res.status !== 200 && c.res.status !== 206 && c.res.status !== 304) return;
  const hashed = c.req.path.startsWith("/assets/");
  c.res.headers.set("Cache-Control", hashed ? cacheControl.hashed : cacheControl.revalidate);
  // Compressed or not, a cache must keep the variants apart.
  if (!c.res.headers.get("Vary")) c.res.headers.set("Vary", "Accept-Encoding");
};

export function serveWebApp(app: OpenAPIHono<AppEnv>) {
  const indexFile = path.join(webRoot, "index.html");
  // Source maps are not built; should one be copied in, it is still not published.
  app.get("/*", async (c, next) => (c.req.path.endsWith(".map") ? c.notFound() : next()));
  app.use("/*", staticCaching);
  app.use("/*", serveStatic({ root: path.relative(process.cwd(), webRoot), precompressed: true }));
  // A hashed file that is not there is a 404, never index.html cached for a year.
  app.get("/assets/*", (c) => c.notFound());
  // The web app routes in the browser: any other page gets index.html.
  app.get("/*", (c) => {
    if (!existsSync(indexFile)) {
      return c.text("Webbappen är inte byggd. Kör: npm run build", 503);
    }
    return c.html(readFileSync(indexFile, "utf8"));
  });
}
