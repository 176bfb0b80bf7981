/**
 * How `HandleAddKey` (c11824f) turns a `POST /1/keys` body into a `keys` row: the name's prefix picks the type
 * before `api_type` is looked at, and each branch fills `EndPoint` and `ResourceNmae` its own way.
 * @module
 */
import { toLower, trimSpace } from '../go/strings.js';

/** The columns a new key gets from its body. */
export interface KeyColumns {
  key: string;
  name: string;
  api_type: string;
  endpoint: string;
  resource_name: string;
}

const CLAUDE_ENDPOINT = 'https://api.anthropic.com';
// pkg/azureopenai GetResourceName: unanchored and greedy, like RE2's leftmost-first match of the same pattern.
const AZURE_ENDPOINT = /https?:\/\/(.+)\.openai\.azure\.com\/?/u;

/**
 * The row for a body: `azure.`/`claude.`/`google.` names take their type and the second dot-separated segment
 * as resource; other names take `api_type` verbatim (`openai` when empty, which also drops `endpoint`).
 *
 * @example
 * keyColumns({ key: ' sk-1 ', name: ' Azure.Res.EastUS ', api_type: '', endpoint: 'https://x' });
 * // { key: 'sk-1', name: 'azure.res.eastus', api_type: 'azure', endpoint: 'https://x', resource_name: 'res' }
 */
export function keyColumns(body: { key: string; name: string; api_type: string; endpoint: string }): KeyColumns {
  const name = toLower(trimSpace(body.name));
  const key = trimSpace(body.key);
  // A prefixed name always splits into at least two parts, so upstream's "Invalid Key Name" (400) never happens.
  const segment = name.split('.')[1] ?? '';
  if (name.startsWith('azure.')) return { key, name, api_type: 'azure', endpoint: body.endpoint, resource_name: segment };
  if (name.startsWith('claude.')) return { key, name, api_type: 'claude', endpoint: body.endpoint || CLAUDE_ENDPOINT, resource_name: segment };
  if (name.startsWith('google.')) return { key, name, api_type: 'google', endpoint: body.endpoint, resource_name: segment };
  // AddKey("openai", key, name) has no endpoint parameter.
  if (body.api_type === '') return { key, name, api_type: 'openai', endpoint: '', resource_name: '' };
  return { key, name, api_type: body.api_type, endpoint: body.endpoint, resource_name: AZURE_ENDPOINT.exec(body.endpoint)?.[1] ?? '' };
}
