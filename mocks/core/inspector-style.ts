/**
 * The inspector page's stylesheet (`GET /__mock/`), inlined as one `<style>` whose SHA-256 is the page's only
 * `style-src`: no external sheet, no inline `style` attributes.
 * @module
 */

/** The inline stylesheet of the inspector page. */
export const INSPECTOR_STYLE = `
:root { color-scheme: light dark; --line: #8884; --muted: #888; --accent: #2563eb; --bad: #dc2626; font: 14px/1.45 system-ui, sans-serif; }
[hidden] { display: none !important; }
body { margin: 0; }
header { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; padding: .6rem 1rem; border-bottom: 1px solid var(--line); background: Canvas; }
h1 { margin: 0; font-size: 1.1rem; }
h1 span { color: var(--accent); }
h2 { display: flex; gap: .75rem; align-items: center; margin: 0 0 .5rem; font-size: 1rem; }
main { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(34rem, 100%), 1fr)); gap: 1rem; padding: 1rem; }
section { min-width: 0; overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; padding: .75rem; }
table { width: 100%; border-collapse: collapse; }
th, td { padding: .2rem .4rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { color: var(--muted); font-weight: 500; white-space: nowrap; }
pre { max-height: 16rem; overflow: auto; margin: .25rem 0; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 12px; }
summary { cursor: pointer; }
code { font: 12px ui-monospace, monospace; white-space: nowrap; }
.code { font-size: 15px; font-weight: 700; color: var(--accent); white-space: normal; overflow-wrap: anywhere; }
#outbox article { padding: .4rem 0; border-bottom: 1px solid var(--line); }
#outbox .meta { margin: 0; color: var(--muted); }
#outbox .code, #outbox a { display: block; overflow-wrap: anywhere; }
#requests td:first-child { white-space: nowrap; }
.http4, .http5 { color: var(--bad); font-weight: 600; }
#clock { font: 600 13px ui-monospace, monospace; }
#status { margin: .4rem 1rem 0; min-height: 1.2em; color: var(--muted); }
#status.failed { color: var(--bad); }
#token-form { margin: .5rem 1rem; }
textarea { width: 100%; min-height: 6rem; box-sizing: border-box; font: 12px ui-monospace, monospace; }
.row { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.empty { color: var(--muted); }
button.danger { color: var(--bad); }
`;
