import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { DomainError } from '@app/common';
import { checkWebhookUrl } from './webhook-url';

/** Where webhooks may go: ports for every receiver, and hosts an admin trusts outright (an intranet receiver). */
export interface WebhookAddressRules {
  allowedPorts: readonly number[];
  allowedHosts: readonly string[];
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Addresses no webhook may reach: this machine, its networks, link-local (cloud metadata), multicast, reserved. */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  INTERNAL.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64: the same
  ['100::', 64],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  INTERNAL.addSubnet(network, prefix, 'ipv6');

export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return INTERNAL.check(address, 'ipv4');
  if (family === 0) return true;
  // IPv4-mapped (::ffff:a.b.c.d in any spelling) would reach an IPv4 address past its checks: refused outright.
  const canonical = new URL(`http://[${address}]/`).hostname;
  return canonical.startsWith('[::ffff:') || INTERNAL.check(address, 'ipv6');
}

function refused(message: string): DomainError {
  return new DomainError('invalid', 'WEBHOOK_ADDRESS_REFUSED', message, { field: 'url' });
}

/**
 * The addresses a webhook URL may be sent to, or a refusal naming the rule (field `url`). Every address
 * the name resolves to must be public, so one private answer among public ones is refused too; the
 * sender connects only to the addresses returned here, so DNS cannot swap them afterwards.
 */
export async function resolveWebhookAddress(text: string, rules: WebhookAddressRules): Promise<ResolvedAddress[]> {
  const url = new URL(checkWebhookUrl(text));
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  const addresses = await resolve(host);
  if (rules.allowedHosts.includes(host)) return addresses;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (!rules.allowedPorts.includes(port)) throw refused(`Webhook 地址的端口须为 ${rules.allowedPorts.join('、')} 之一`);
  if (addresses.some(({ address }) => isInternalAddress(address)))
    throw refused('Webhook 地址不能指向本机、内网、链路本地或保留地址');
  return addresses;
}

async function resolve(host: string): Promise<ResolvedAddress[]> {
  const family = isIP(host);
  if (family !== 0) return [{ address: host, family: family as 4 | 6 }];
  try {
    const found = await lookup(host, { all: true, verbatim: true });
    return found.map(({ address, family }) => ({ address, family: family as 4 | 6 }));
  } catch {
    throw refused('Webhook 地址的主机名无法解析');
  }
}
