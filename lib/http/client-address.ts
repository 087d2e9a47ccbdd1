// The client's address as our HTTP server sees it (the REST contract §4 "Credential stuffing"): the
// socket's peer, or — only when that peer is one of SMS_TRUSTED_PROXIES — the nearest
// X-Forwarded-For hop that is not itself a trusted proxy. A client cannot forge it.
import net from "node:net";

export function trustedProxyList(entries: string[]): net.BlockList {
  const list = new net.BlockList();
  for (const entry of entries) {
    const invalid = () => new Error(`SMS_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    const parts = entry.split("/");
    const [address, prefix] = parts;
    if (parts.length > 2 || !net.isIP(address)) throw invalid();
    const type = net.isIPv6(address) ? "ipv6" : "ipv4";
    if (prefix === undefined) {
      list.addAddress(address, type);
      continue;
    }
    // An empty or odd prefix must not quietly become /0, which would trust every address.
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!(bits >= 0 && bits <= (type === "ipv6" ? 128 : 32))) throw invalid();
    list.addSubnet(address, bits, type);
  }
  return list;
}

function unmapped(address: string): string {
  return address.startsWith("::ffff:") && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
}

function isTrusted(list: net.BlockList, address: string): boolean {
  const plain = unmapped(address);
  return net.isIP(plain) !== 0 && list.check(plain, net.isIPv6(plain) ? "ipv6" : "ipv4");
}

export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: net.BlockList,
): string | null {
  if (!socketAddress) return null;
  let address = unmapped(socketAddress);
  if (!isTrusted(trusted, address)) return address;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = unmapped(hops[i]);
    if (net.isIP(hop) === 0) return address; // garbage in the chain: stop at the last trusted hop
    address = hop;
    if (!isTrusted(trusted, hop)) return hop;
  }
  return address;
}

/**
 * Whether the client reached us over https: on a TLS socket, or — only when the peer is one of
 * SMS_TRUSTED_PROXIES — as the proxy's X-Forwarded-Proto says. A client cannot forge it.
 */
export function requestIsHttps(
  socket: { remoteAddress?: string; encrypted?: boolean },
  forwardedProto: string | string[] | undefined,
  trusted: net.BlockList,
): boolean {
  if (socket.encrypted) return true;
  if (!socket.remoteAddress || !isTrusted(trusted, socket.remoteAddress)) return false;
  const first = (Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto)?.split(",")[0]?.trim().toLowerCase();
  return first === "https";
}
