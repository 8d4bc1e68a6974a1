// The handout page's stylesheet, inlined so the file stands alone: system fonts, a
// single readable column on screen (phones included), A4 pages with sensible breaks in
// print. The status banner (the first blockquote) takes its colour from the body's
// status class; its words say the same, so colour is never the only signal.
export const HANDOUT_CSS = `:root {
  color-scheme: light;
  --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --accent: #0b5f66;
  --ok: #1b7a43; --ok-bg: #eaf6ef; --warn: #a15c07; --warn-bg: #fff6e5; --stop: #b42318; --stop-bg: #fdeeed;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: #fff; color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
}
main { max-width: 44rem; margin: 0 auto; padding: 1.75rem 1.5rem 2rem; }
h1 { font-size: 1.65rem; line-height: 1.2; margin: 0 0 .4rem; color: var(--accent); }
h1 + p { margin-top: 0; color: var(--muted); overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid var(--line); color: var(--accent); }
h3 { font-size: 1rem; margin: 1.1rem 0 .4rem; }
p { margin: .5rem 0; }
ul { margin: .4rem 0; padding-left: 1.3rem; }
li { margin: .25rem 0; }
/* Bold labels and dates ("First session: from 2027-01-07 (Thu).") never break at a hyphen. */
li strong { white-space: nowrap; }
blockquote { margin: 1rem 0; padding: .65rem 1rem; border-left: 5px solid var(--ok); background: var(--ok-bg); border-radius: 4px; }
blockquote p { margin: 0; }
.status-needs-clearance blockquote, .status-unscreened blockquote { border-left-color: var(--warn); background: var(--warn-bg); }
.status-not-eligible blockquote { border-left-color: var(--stop); background: var(--stop-bg); }
table { border-collapse: collapse; margin: .5rem 0 1rem; min-width: 60%; }
th, td { text-align: left; padding: .35rem 1rem .35rem 0; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .85rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); border-bottom-width: 2px; }
th[align="right"], td[align="right"] { text-align: right; }
td { font-variant-numeric: tabular-nums; }
hr { border: 0; border-top: 1px solid var(--line); margin: 2rem 0 .8rem; }
hr ~ p { font-size: .8rem; color: var(--muted); }
code { font: .95em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
@media (max-width: 32rem) {
  body { font-size: 15px; }
  main { padding: 1rem .9rem 1.5rem; }
  table { width: 100%; }
}
@page { size: A4; margin: 15mm 16mm 16mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 18pt; }
  h2 { font-size: 12.5pt; margin-top: 1.1rem; break-after: avoid-page; }
  h3 { break-after: avoid-page; }
  table, blockquote, li { break-inside: avoid; }
  blockquote { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
