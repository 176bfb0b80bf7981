/**
 * The one DOM helper the views need: an element with attributes, listeners and children. Text goes in as text
 * nodes, never as HTML, so a token name or a server message cannot inject markup.
 * @module
 */
type Attributes = Record<string, string | boolean | undefined | ((event: Event) => void)>;
type Child = Node | string | number | null | undefined | false;

/**
 * Builds an element; `on*` attributes become listeners, `true` a bare attribute, `false`/`undefined` nothing.
 * @example
 * h('button', { type: 'button', onclick: () => alert('hi') }, 'Say hi');
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(typeof child === 'number' ? String(child) : child);
  return element;
}

/** The message to show for a failed call: the server's own text for API errors. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
