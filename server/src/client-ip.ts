import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * Reads HMS_TRUST_PROXY as Express's `trust proxy` does: unset = trust nobody
 * (X-Forwarded-For is ignored), `true` = every hop, a number = that many hops,
 * otherwise a comma-separated list of addresses, subnets or `loopback`/`linklocal`/`uniquelocal`.
 */
export function compileTrustProxy(raw: string | undefined): TrustProxy {
  if (raw === undefined || raw === '' || raw === 'false') return () => false;
  if (raw === 'true') return () => true;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    return (_address, hop) => hop < hops;
  }
  return proxyaddr.compile(raw.split(',').map((part) => part.trim()).filter(Boolean));
}

/** The client's address for rate limits and the audit trail: the socket's peer unless a trusted proxy says otherwise. */
export function clientIpOf(req: IncomingMessage, trust: TrustProxy): string {
  try {
    return proxyaddr(req, trust).replace(/^::ffff:/, '');
  } catch {
    return (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
  }
}
