/**
 * The operator's list of hosts a sandbox provider may notify over the network (`--allow-notify-host`).
 * @module
 */

/**
 * The entries as `URL.host` spells them (lowercase, no default port), so `Localhost:80` matches `localhost`.
 * Throws on an entry that is not a bare `host[:port]`, such as a URL with a path.
 *
 * @example
 * notifyHosts(['127.0.0.1:8080', 'Shop.example:80']); // Set { '127.0.0.1:8080', 'shop.example' }
 */
export function notifyHosts(entries: ReadonlyArray<string>): ReadonlySet<string> {
  return new Set(entries.map(normalize));
}

function normalize(entry: string): string {
  let url: URL | undefined;
  try {
    url = new URL(`http://${entry}`);
  } catch {
    url = undefined;
  }
  // Anything URL reads as more than a host (a scheme, a path, credentials) leaves host and entry unequal.
  if (!url || url.host === '' || url.host !== entry.toLowerCase().replace(/:80$/, '')) {
    throw new Error(`Failed to allow the notify host "${entry}": it is not a host:port. Please write it as e.g. 127.0.0.1:8080.`);
  }
  return url.host;
}
