/** The model card as Markdown and as a self-contained HTML page (no scripts, no external requests). */
import { escapeHtml } from '../export/html';
import { mdBlock, mdInline } from '../export/markdown';
import type { ModelCard } from './model-card';

export function modelCardMarkdown(card: ModelCard): string {
  const out = [`# ${mdInline(card.title)}`, '', `_${mdInline(card.subtitle)}_`, ''];
  for (const s of card.sections) {
    out.push(`## ${mdInline(s.title)}`, '');
    for (const p of s.paragraphs) out.push(mdBlock(p), '');
    if (s.table) {
      const cell = (c: string): string => mdInline(c).replace(/\|/g, '\\|');
      out.push(`| ${s.table.head.map(cell).join(' | ')} |`, `|${s.table.head.map(() => '---').join('|')}|`, ...s.table.rows.map((r) => `| ${r.map(cell).join(' | ')} |`), '');
    }
    if (s.bullets?.length) out.push(...s.bullets.map((b) => `- ${mdInline(b)}`), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function modelCardHtml(card: ModelCard): string {
  const e = escapeHtml;
  const body = card.sections
    .map((s) => {
      const paragraphs = s.paragraphs.map((p) => `<p>${e(p)}</p>`).join('');
      const table = s.table
        ? `<table><thead><tr>${s.table.head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${s.table.rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`
        : '';
      const bullets = s.bullets?.length ? `<ul>${s.bullets.map((b) => `<li>${e(b)}</li>`).join('')}</ul>` : '';
      return `<section><h2>${e(s.title)}</h2>${paragraphs}${table}${bullets}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(card.title)}</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c2330;max-width:960px;margin:32px auto;padding:0 20px}
h1{font-size:1.6rem;margin-bottom:0}h2{font-size:1.15rem;margin-top:28px;border-bottom:1px solid #d9dde5;padding-bottom:4px}
.sub{color:#596273;margin-top:4px}table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #d9dde5;padding:6px 10px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#eef0f4;font-weight:600}@media print{section{break-inside:avoid}}
</style></head>
<body><h1>${e(card.title)}</h1><p class="sub">${e(card.subtitle)}</p>
${body}
</body></html>
`;
}
