/**
 * The stats report as one self-contained HTML file: tables with a bar a group (the overturn rate,
 * its 95 % interval as a whisker, the overall rate as a dashed line), drawn as inline SVG. Nothing
 * is fetched: no script, font, style sheet or image from anywhere, and a Content-Security-Policy
 * that forbids them; every string that came from a letter or a file name is escaped.
 */
import { percent } from '../precedents/tally';
import { type RatedGroup, type StatsReport, type StatsTable, describeRate, sourceLines } from './stats';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

// The bar's size in SVG units; the page scales nothing, so these are pixels.
const WIDTH = 240;
const HEIGHT = 18;
const x = (fraction: number) => (fraction * WIDTH).toFixed(1);

function bar(g: RatedGroup, overall: number | undefined): string {
  const mid = HEIGHT / 2;
  const parts = [`<rect class="track" x="0" y="3" width="${WIDTH}" height="${HEIGHT - 6}"/>`];
  if (g.rate) {
    const { rate, low, high } = g.rate;
    parts.push(
      `<rect class="rate" x="0" y="4" width="${x(rate)}" height="${HEIGHT - 8}"/>`,
      `<line class="whisker" x1="${x(low)}" y1="${mid}" x2="${x(high)}" y2="${mid}"/>`,
      `<line class="whisker" x1="${x(low)}" y1="3" x2="${x(low)}" y2="${HEIGHT - 3}"/>`,
      `<line class="whisker" x1="${x(high)}" y1="3" x2="${x(high)}" y2="${HEIGHT - 3}"/>`,
    );
  }
  if (overall !== undefined)
    parts.push(`<line class="overall" x1="${x(overall)}" y1="0" x2="${x(overall)}" y2="${HEIGHT}"/>`);
  const label = `${g.name}: ${describeRate(g.rate)}`;
  return `<svg width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(label)}"><title>${escapeHtml(label)}</title>${parts.join('')}</svg>`;
}

/** The scale above the bars: 0, 25, 50, 75 and 100 %. */
function axis(): string {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => {
    const anchor = t === 0 ? 'start' : t === 1 ? 'end' : 'middle';
    return `<text x="${x(t)}" y="11" text-anchor="${anchor}">${percent(t)}</text>`;
  });
  return `<svg width="${WIDTH}" height="14" viewBox="0 0 ${WIDTH} 14" aria-hidden="true">${ticks.join('')}</svg>`;
}

function row(g: RatedGroup, overall: number | undefined): string {
  const interval = g.rate ? `${percent(g.rate.low)} – ${percent(g.rate.high)}` : '–';
  const cells = [g.items, g.upheld, g.overturned, g.rate ? percent(g.rate.rate) : '–', interval].map(
    (c) => `<td class="n">${c}</td>`,
  );
  return `<tr><th scope="row">${escapeHtml(g.name)}</th>${cells.join('')}<td>${bar(g, overall)}</td></tr>`;
}

function table(t: StatsTable, overall: number | undefined): string {
  const hidden = t.hidden > 0 ? `<p class="note">${t.hidden} smaller group(s) left out.</p>` : '';
  return `<section>
<h2>${escapeHtml(t.title)}</h2>
<table>
<thead><tr><th></th><th>items</th><th>upheld</th><th>overturned</th><th>rate</th><th>95 % interval</th><th>${axis()}</th></tr></thead>
<tbody>
${t.groups.map((g) => row(g, overall)).join('\n')}
</tbody>
</table>
${hidden}</section>`;
}

function fileList(title: string, names: string[]): string {
  if (names.length === 0) return '';
  return `<details><summary>${escapeHtml(title)} (${names.length})</summary><ul>${names
    .map((n) => `<li>${escapeHtml(n)}</li>`)
    .join('')}</ul></details>`;
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222;background:#fff}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em}
table{border-collapse:collapse}th,td{padding:2px 8px;vertical-align:middle}
thead th{font-weight:normal;color:#555;text-align:right;border-bottom:1px solid #ccc}
tbody th{font-weight:normal;text-align:left;min-width:16em;max-width:32em}td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
svg text{font:10px system-ui,sans-serif;fill:#555}.track{fill:#eee}.rate{fill:#c0504d}
.whisker{stroke:#222;stroke-width:1.5}.overall{stroke:#555;stroke-dasharray:3 2}
.note,.sources{color:#555}ul{margin:.3em 0}
@media (prefers-color-scheme:dark){body{color:#ddd;background:#1e1e1e}.track{fill:#333}.whisker{stroke:#eee}svg text{fill:#aaa}}`;

export function statsHtml(report: StatsReport): string {
  const overall = report.total.rate?.rate;
  const [counts, ...rest] = sourceLines(report);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>IMR overturn rates</title>
<style>
${STYLE}
</style>
</head>
<body>
<h1>IMR overturn rates</h1>
<p class="sources">${escapeHtml(counts)}.</p>
<ul>${rest.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>
${fileList('Files that could not be read', report.sources.unreadable)}
${fileList('Files with no disputed item', report.sources.noItems)}
<p class="note">Each bar is the share of decided items that were overturned; the whisker is its 95 % Wilson
score interval, and the dashed line is the rate over all items. A small group's wide whisker says how
little it shows. Items whose decision could not be read count in "items" but not in the rates.</p>
${report.tables.map((t) => table(t, overall)).join('\n')}
</body>
</html>
`;
}
