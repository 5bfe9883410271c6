/**
 * Keys that say two records describe the same service, shared by restore (duplicate subscriptions) and
 * households (the same service paid by two members).
 */

/** A service name folded for comparison: lower case, accents removed, only letters and digits (`Viaplay Total` → `viaplaytotal`). */
export function normaliseServiceName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A hostname without a leading `www.`. */
function bareDomain(domain: string): string {
  return domain.toLowerCase().replace(/^www\./, '');
}

/**
 * What identifies the service of a subscription, strongest first: the directory id, else the domain, else the
 * normalised name (`id:netflix`, `domain:netflix.com`, `name:netflix`).
 */
export function serviceKey(s: { serviceId?: string; domain?: string; service: string }): string {
  if (s.serviceId) return `id:${s.serviceId}`;
  if (s.domain) return `domain:${bareDomain(s.domain)}`;
  return `name:${normaliseServiceName(s.service)}`;
}

/** Every key a subscription can be matched by (id, domain and name), for "same service" checks. */
export function serviceKeys(s: { serviceId?: string; domain?: string; service: string }): string[] {
  const keys: string[] = [];
  if (s.serviceId) keys.push(`id:${s.serviceId}`);
  if (s.domain) keys.push(`domain:${bareDomain(s.domain)}`);
  const name = normaliseServiceName(s.service);
  if (name) keys.push(`name:${name}`);
  return keys;
}
