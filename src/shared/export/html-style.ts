/**
 * The exported HTML report's stylesheet (inlined: the file must open offline, with no fonts or
 * images from anywhere). System fonts only. Screen: light or dark. Print (and the PDF): always
 * light, A4, the one-page summary on its own first page, then the details.
 */
const LIGHT = `
  --bg: #ffffff; --panel: #f6f7f9; --text: #1c2330; --muted: #596273; --line: #dfe3ea; --accent: #0b5fad;
  --critical: #8f1d1d; --critical-bg: #fbe9e9; --high: #a33f00; --high-bg: #fdeee3;
  --medium: #7a5600; --medium-bg: #fbf3dc; --low: #0b5a8c; --low-bg: #e6f1f9; --info: #4b5363; --info-bg: #eef0f3;
  --unknown: #4b5363; --unknown-bg: #eef0f3; --passed: #1b6b3a;`;

const DARK = `
  --bg: #14181f; --panel: #1c212b; --text: #e7eaf0; --muted: #a3abba; --line: #2e3440; --accent: #7cc0ef;
  --critical: #ff9c9c; --critical-bg: #3a1c1f; --high: #ffb37a; --high-bg: #3a2618;
  --medium: #f1cf6b; --medium-bg: #352d15; --low: #8fcdf3; --low-bg: #16293a; --info: #c3c9d4; --info-bg: #262c37;
  --unknown: #c3c9d4; --unknown-bg: #262c37; --passed: #7fd49d;`;

export const REPORT_CSS = `
:root {${LIGHT}
  color-scheme: light;
}
:root[data-theme="dark"] {${DARK}
  color-scheme: dark;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main { max-width: 980px; margin: 0 auto; padding: 32px 24px 48px; }
h1, h2, h3, h4 { line-height: 1.25; margin: 0; }
h1 { font-size: 28px; margin: 4px 0 12px; }
h2 { font-size: 21px; margin: 0 0 6px; }
h3 { font-size: 17px; }
h4 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 12px 0 2px; }
p { margin: 0 0 8px; }
a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
thead th { color: var(--muted); font-weight: 600; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.eyebrow { color: var(--muted); font-size: 13px; text-transform: uppercase; letter-spacing: .05em; margin: 0; }
.muted { color: var(--muted); }
.summary-page { border-bottom: 2px solid var(--line); padding-bottom: 20px; margin-bottom: 28px; }
.summary-line { font-size: 18px; font-weight: 600; }
.facts-line { display: flex; flex-wrap: wrap; gap: 4px 24px; margin: 8px 0 12px; padding: 0; }
.facts-line div { display: flex; gap: 6px; }
.facts-line dt { color: var(--muted); }
.facts-line dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.severity-counts { list-style: none; display: flex; flex-wrap: wrap; gap: 8px; padding: 0; margin: 8px 0 12px; }
.severity { display: inline-flex; align-items: center; gap: 5px; border-radius: 999px; padding: 1px 10px; font-size: 13px; font-weight: 600; white-space: nowrap;
  color: var(--sev); background: var(--sev-bg); border: 1px solid var(--sev); }
.severity--critical { --sev: var(--critical); --sev-bg: var(--critical-bg); }
.severity--high { --sev: var(--high); --sev-bg: var(--high-bg); }
.severity--medium { --sev: var(--medium); --sev-bg: var(--medium-bg); }
.severity--low { --sev: var(--low); --sev-bg: var(--low-bg); }
.severity--info { --sev: var(--info); --sev-bg: var(--info-bg); }
.severity--unknown { --sev: var(--unknown); --sev-bg: var(--unknown-bg); }
.glance { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 20px; align-items: start; }
.glance h2 { font-size: 17px; margin: 12px 0 6px; }
.top-findings { margin: 0; padding-left: 22px; }
.top-findings li { margin: 0 0 8px; }
.top-findings .where { color: var(--muted); font-size: 13px; }
.privacy-note { background: var(--panel); border-left: 4px solid var(--accent); padding: 8px 12px; margin: 12px 0; font-size: 14px; }
.contents ul { list-style: none; padding: 0; margin: 0; columns: 2; font-size: 14px; }
.contents li { break-inside: avoid; }
.report-section { margin: 0 0 32px; }
.report-section > .intro { color: var(--muted); margin-bottom: 14px; }
.finding { border: 1px solid var(--line); border-left: 5px solid var(--sev); border-radius: 8px; padding: 14px 16px; margin: 0 0 16px; background: var(--bg); }
.finding--critical { --sev: var(--critical); } .finding--high { --sev: var(--high); } .finding--medium { --sev: var(--medium); }
.finding--low { --sev: var(--low); } .finding--info { --sev: var(--info); } .finding--unknown { --sev: var(--unknown); }
.finding__head { display: flex; align-items: center; gap: 10px; margin-bottom: 6px; }
.finding__title { color: var(--muted); font-weight: 600; font-size: 14px; }
.finding__headline { margin-bottom: 4px; }
.finding__body { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; }
.finding__body--single { grid-template-columns: minmax(0, 1fr); }
.facts { margin: 10px 0 0; }
.facts dt { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin-top: 8px; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.chip { display: inline-block; border: 1px solid var(--line); background: var(--panel); border-radius: 4px; padding: 0 6px; margin: 2px 4px 2px 0; font-size: 12.5px; overflow-wrap: anywhere; }
.finding__details { margin-top: 10px; border-top: 1px dashed var(--line); padding-top: 6px; font-size: 13.5px; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); column-gap: 18px; margin: 4px 0 8px; }
.figures div { display: flex; justify-content: space-between; align-items: baseline; gap: 10px; border-bottom: 1px solid var(--line); padding: 2px 0; min-width: 0; }
.figures dt { color: var(--muted); min-width: 0; overflow-wrap: anywhere; }
.figures dd { margin: 0; text-align: right; flex: 0 0 auto; max-width: 60%; overflow-wrap: anywhere; }
.metrics td, .metrics thead th { white-space: nowrap; overflow-wrap: normal; }
.chart { margin: 0; min-width: 0; }
.chart figcaption { font-weight: 600; font-size: 13px; margin-bottom: 4px; }
.chart__canvas { width: 100%; }
/* Where a chart will be, until it is drawn (the ones off screen are drawn after the first screen). */
.charts-on .chart__canvas:empty { background: var(--panel); border-radius: 6px; }
.charts-off .chart__canvas, .no-js .chart__canvas { display: none; }
.chart__text { font-size: 13px; color: var(--muted); margin-top: 4px; }
.charts-on .chart__text { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.key-figures { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; margin: 0 0 18px; }
.passed-list { list-style: none; padding: 0; margin: 0; }
.passed-list li { display: flex; gap: 8px; padding: 4px 0; border-bottom: 1px solid var(--line); }
.passed-icon { color: var(--passed); font-weight: 700; }
.provenance th { width: 34%; color: var(--muted); font-weight: 600; }
.noscript { background: var(--panel); padding: 6px 10px; font-size: 13px; }
footer { color: var(--muted); font-size: 13px; margin-top: 24px; }
@media (max-width: 720px) {
  .glance, .finding__body, .key-figures { grid-template-columns: minmax(0, 1fr); }
  .contents ul { columns: 1; }
}
@page { size: A4; margin: 14mm 13mm 16mm; }
@media print {
  :root, :root[data-theme="dark"] {${LIGHT}
    color-scheme: light;
  }
  body { font-size: 9.5pt; line-height: 1.4; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 19pt; }
  h2 { font-size: 13.5pt; break-after: avoid; }
  h3 { font-size: 11pt; break-after: avoid; }
  h4 { font-size: 7.5pt; margin-top: 8px; break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  .summary-page { break-after: page; border: 0; margin: 0; padding: 0; }
  .summary-line { font-size: 13pt; }
  .glance { grid-template-columns: minmax(0, 1fr); gap: 4px; }
  .report-section { margin-bottom: 18px; }
  .finding { padding: 8px 12px; margin-bottom: 10px; border-left-width: 4px; }
  .finding__head, .finding__headline { break-after: avoid; }
  .finding__body { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; }
  .finding__body--single { grid-template-columns: minmax(0, 1fr); }
  .finding__details { font-size: 8.5pt; }
  .figures { grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); }
  .key-figures { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
  .chart, .figures div, .facts dd, tr { break-inside: avoid; }
  .chart canvas { max-width: 100%; }
  .noscript { display: none; }
  .severity, .finding, .privacy-note, .chip { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
