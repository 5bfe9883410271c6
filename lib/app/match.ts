import { allServices, type ServiceEntry } from '../directory';

const norm = (s: string) =>
  s
    .toLocaleLowerCase()
    .normalize('NFKD')
    .replace(/\+/g, ' plus')
    .replace(/[^\p{L}\p{N}]+/gu, '');

let byName: Map<string, ServiceEntry> | undefined;

/** The directory entry whose name is the one the user typed (case, spacing and accents aside). */
export function matchServiceName(name: string): ServiceEntry | undefined {
  byName ??= new Map(allServices().map((e) => [norm(e.name), e]));
  return byName.get(norm(name));
}

/**
 * Fills what the directory knows into a new subscription the user typed in: its directory id, domain and
 * category (only where the user left them empty or at "other").
 */
export function withDirectoryFacts(input: Record<string, unknown>): Record<string, unknown> {
  if (input.serviceId || typeof input.service !== 'string') return input;
  const entry = matchServiceName(input.service);
  if (!entry) return input;
  return {
    ...input,
    serviceId: entry.id,
    domain: input.domain ?? entry.domains[0],
    category: !input.category || input.category === 'other' ? entry.category : input.category,
  };
}
