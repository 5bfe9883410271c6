import type { LinkKind, Links, SourcedLink } from '../model';

export interface DirectoryLinks {
  manage?: string;
  cancel?: string;
  pause?: string;
}

/**
 * The manage / cancel / pause links to show for a subscription. What the user set wins; then links seen on the
 * service's own pages (the newest knowledge); then Subkeeper's directory.
 */
export function effectiveLinks(own: Links, seenOnPages: Links, directory: DirectoryLinks | undefined): Links {
  const out: Links = {};
  for (const kind of ['manage', 'cancel', 'pause'] as const satisfies readonly LinkKind[]) {
    const candidates: Array<SourcedLink | undefined> = [
      own[kind]?.source === 'user' ? own[kind] : undefined,
      own[kind]?.source === 'page' ? own[kind] : undefined,
      seenOnPages[kind],
      own[kind],
      directory?.[kind] ? { url: directory[kind]!, source: 'directory' } : undefined,
    ];
    const first = candidates.find((c) => c !== undefined);
    if (first) out[kind] = first;
  }
  return out;
}
