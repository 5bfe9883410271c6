import data from './webmail-hosts.json';

const HOSTS: readonly string[] = data.hosts;

/**
 * Whether a page is a webmail client whose open message the content script reads (lib/detect/webmail.ts). A plain
 * string compare over a handful of hosts: this runs on the content script's gate path, on every page.
 */
export function isWebmailHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  for (let i = 0; i < HOSTS.length; i++) if (HOSTS[i] === h) return true;
  return false;
}
