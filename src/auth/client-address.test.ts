import { describe, expect, it } from "vitest";
import { loadConfig } from "../server/config.ts";
import { resolveClient } from "./client-address.ts";

describe("client address behind trusted proxies", () => {
  const proxies = ["10.0.0.0/8", "fd00::/8", "192.0.2.10"];

  it("ignores X-Forwarded-For without configured proxies, or from a peer that is not one", () => {
    expect(resolveClient("203.0.113.5", "198.51.100.1", [])).toBe("203.0.113.5");
    expect(resolveClient("203.0.113.5", "198.51.100.1", proxies)).toBe("203.0.113.5");
    expect(resolveClient("::ffff:203.0.113.5", undefined, proxies)).toBe("203.0.113.5");
  });

  it("takes the first address from the right that no trusted proxy vouches for", () => {
    expect(resolveClient("10.1.2.3", "198.51.100.1", proxies)).toBe("198.51.100.1");
    // A client cannot pick its address by writing the header itself: only the right end counts.
    expect(resolveClient("10.1.2.3", "1.2.3.4, 198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(resolveClient("10.1.2.3", "1.2.3.4, 198.51.100.1, 10.9.9.9", proxies)).toBe("198.51.100.1");
    expect(resolveClient("::ffff:192.0.2.10", "2001:db8::7", proxies)).toBe("2001:db8::7");
    expect(resolveClient("fd00::1", "10.0.0.7", proxies)).toBe("10.0.0.7");
    // Garbage ends the trust at the last vouched-for hop.
    expect(resolveClient("10.1.2.3", "nonsense", proxies)).toBe("10.1.2.3");
  });

  it("validates SAMSYN_TRUSTED_PROXIES at start", () => {
    expect(loadConfig({ SAMSYN_TRUSTED_PROXIES: " 10.0.0.0/8, ::1 " }).trustedProxies).toEqual([
      "10.0.0.0/8",
      "::1",
    ]);
    expect(loadConfig({}).trustedProxies).toEqual([]);
    for (const bad of ["10.0.0.0/33", "proxy.example", "10.0.0.1/8/1", "fd00::/129"])
      expect(() => loadConfig({ SAMSYN_TRUSTED_PROXIES: bad }), bad).toThrow(/SAMSYN_TRUSTED_PROXIES/);
  });
});
