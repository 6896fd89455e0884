/** The HTML report's only stylesheet, inlined so the file stands alone (no external assets). */
export const HTML_STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --line: #d1d9e0; --bad: #cf222e; --warn: #9a6700; --good: #1a7f37; --code: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --bad: #ff7b72; --warn: #d29922; --good: #3fb950; --code: #151b23; } }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.5em 0 0.5em; }
.muted { color: var(--muted); }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
code, pre { font: 12.5px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: var(--code); border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 0.8rem; overflow: auto; max-height: 24rem; white-space: pre-wrap; word-break: break-all; }
.finding { border-left: 3px solid var(--bad); padding: 0.2rem 0 0.2rem 0.8rem; margin: 0.8rem 0; }
.kind-fault { border-left-color: var(--warn); }
.status-ok { color: var(--good); }
.status-unsatisfiable, .status-skipped { color: var(--warn); }
.status-error, .has-findings { color: var(--bad); font-weight: 600; }
.bar { display: inline-block; width: 6rem; height: 0.6rem; background: var(--line); border-radius: 3px; vertical-align: middle; margin-right: 0.4rem; }
.matrix td { text-align: right; font-variant-numeric: tabular-nums; }
.matrix details ul { text-align: left; margin: 0.3rem 0 0; padding-left: 1.1rem; max-width: 36rem; }
.cell-pass { color: var(--good); }
.cell-known { color: var(--warn); }
.cell-fail { color: var(--bad); font-weight: 600; }
.bar > span { display: block; height: 100%; background: var(--good); border-radius: 3px; }
`;
