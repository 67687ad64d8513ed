/**
 * Web delivery of the real build (the global setup runs `vite build` and starts the server):
 * precompressed assets with Content-Encoding and Vary, immutable caching of hashed files,
 * index.html revalidated, no source maps, `no-store` on API answers, a Permissions-Policy, and the
 * first page's JavaScript and CSS under 250 kB compressed.
 */
import { get } from "node:http";
import { describe, expect, it } from "vitest";
import { baseUrl } from "./browser.ts";

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: number;
  body: string;
}

/** node:http, not fetch: fetch would decompress and hide what went over the wire. */
function fetchRaw(path: string, acceptEncoding?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = get(`${baseUrl()}${path}`, {
      headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {},
    });
    request.on("error", reject);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const buffer = Buffer.concat(chunks);
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          bytes: buffer.length,
          body: response.headers["content-encoding"] ? "" : buffer.toString("utf8"),
        });
      });
    });
  });
}

const budgetBytes = 250 * 1000;

/** What index.html loads before the first page renders: the entry, its preloads and the CSS. */
function initialAssets(indexHtml: string): string[] {
  return [...indexHtml.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

describe("web delivery", () => {
  it("sends index.html revalidated, with the security headers", async () => {
    for (const path of ["/", "/patienter/finns-inte"]) {
      const page = await fetchRaw(path);
      expect(page.status, path).toBe(200);
      expect(page.headers["cache-control"], path).toBe("no-cache");
      expect(page.headers["content-security-policy"], path).toContain("default-src 'self'");
      expect(page.headers["permissions-policy"], path).toContain("camera=()");
      expect(page.body, path).toContain('<div id="root">');
    }
  });

  it("sends hashed assets precompressed and immutable, within the first-page budget", async () => {
    const index = await fetchRaw("/");
    const assets = initialAssets(index.body);
    expect(assets.some((asset) => asset.endsWith(".js"))).toBe(true);
    expect(assets.some((asset) => asset.endsWith(".css"))).toBe(true);
    let gzipTotal = 0;
    let brotliTotal = 0;
    let plainTotal = 0;
    for (const asset of assets) {
      const plain = await fetchRaw(asset);
      const gzip = await fetchRaw(asset, "gzip");
      const brotli = await fetchRaw(asset, "br, gzip");
      for (const answer of [plain, gzip, brotli]) {
        expect(answer.status, asset).toBe(200);
        expect(answer.headers["cache-control"], asset).toBe("public, max-age=31536000, immutable");
        expect(answer.headers["vary"], asset).toContain("Accept-Encoding");
      }
      expect(plain.headers["content-encoding"], asset).toBeUndefined();
      // Tiny chunks are not worth compressing; everything else is sent compressed.
      if (plain.bytes >= 1024) {
        expect(gzip.headers["content-encoding"], asset).toBe("gzip");
        expect(brotli.headers["content-encoding"], asset).toBe("br");
        expect(gzip.bytes, asset).toBeLessThan(plain.bytes);
      }
      expect(plain.body, asset).not.toContain("sourceMappingURL");
      plainTotal += plain.bytes;
      gzipTotal += gzip.bytes;
      brotliTotal += brotli.bytes;
    }
    const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
    console.warn(
      `first page: ${assets.length} files, ${kB(plainTotal)} plain, ${kB(gzipTotal)} gzip, ${kB(brotliTotal)} brotli (budget ${kB(budgetBytes)} gzip)`,
    );
    expect(gzipTotal).toBeLessThan(budgetBytes);
  });

  it("publishes no source map and never answers a missing asset with index.html", async () => {
    const index = await fetchRaw("/");
    for (const asset of initialAssets(index.body)) {
      const map = await fetchRaw(`${asset}.map`);
      expect(map.status, `${asset}.map`).toBe(404);
    }
    const missing = await fetchRaw("/assets/finns-inte-abc123.js");
    expect(missing.status).toBe(404);
    expect(missing.headers["cache-control"] ?? "").not.toContain("immutable");
  });

  it("marks every API answer no-store, errors included", async () => {
    for (const path of ["/api/health", "/api/auth/session", "/api/patients", "/api/finns-inte"]) {
      const answer = await fetchRaw(path);
      expect(answer.headers["cache-control"], path).toBe("no-store");
      expect(answer.headers["permissions-policy"], path).toContain("geolocation=()");
    }
  });
});
