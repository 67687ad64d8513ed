/**
 * The client's address. The socket's peer is the client unless it is a configured trusted proxy
 * (SAMSYN_TRUSTED_PROXIES): then X-Forwarded-For is read from the right, skipping trusted proxies,
 * and the first address no trusted proxy vouches for is the client. Without the setting the header
 * is ignored, since anyone can write it.
 */
import { BlockList, isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

const lists = new Map<string, BlockList>();

/** The configured proxies as a matcher, built once per distinct setting. */
function trustedList(proxies: readonly string[]): BlockList {
  const key = proxies.join(",");
  let list = lists.get(key);
  if (!list) {
    list = new BlockList();
    for (const entry of proxies) {
      const [address = "", prefix] = entry.split("/");
      const type = isIP(address) === 6 ? "ipv6" : "ipv4";
      if (prefix === undefined) list.addAddress(address, type);
      else list.addSubnet(address, Number(prefix), type);
    }
    lists.set(key, list);
  }
  return list;
}

function unmapped(address: string): string {
  return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;
}

function isTrusted(list: BlockList, address: string): boolean {
  const plain = unmapped(address);
  const version = isIP(plain);
  return version !== 0 && list.check(plain, version === 6 ? "ipv6" : "ipv4");
}

/** The peer address and the X-Forwarded-For header, resolved to the client's address (raw). */
export function resolveClient(peer: string, forwardedFor: string | undefined, proxies: readonly string[]) {
  if (proxies.length === 0 || !forwardedFor) return unmapped(peer);
  const list = trustedList(proxies);
  if (!isTrusted(list, peer)) return unmapped(peer);
  const hops = forwardedFor
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop !== "");
  let client = unmapped(peer);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = unmapped(hops[i]!);
    // A malformed hop ends the trust: the last vouched-for address stands.
    if (isIP(hop) === 0) break;
    client = hop;
    if (!isTrusted(list, hop)) break;
  }
  return client;
}

/** The client's address for this request, or "unknown" without a socket (app.request in tests). */
export function rawClientAddress(c: Context, proxies: readonly string[]): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined;
  }
  if (!peer) return "unknown";
  return resolveClient(peer, c.req.header("x-forwarded-for"), proxies);
}
