// Writes bench/results.md (machine, date, every figure with its baseline and ratio) and one SVG chart
// per figure measured at several collection sizes (bench/charts/KEY.svg).

import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fmt, type Figure } from './lib';

export interface RunInfo {
	date: Date;
	chromium: string;
	node: string;
	durationS: number;
	notes: string[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A line chart of one figure against collection size (log scale), with its baseline and target. */
export function chart(figures: Figure[]): string {
	const pts = figures.filter((f) => f.size !== undefined).sort((a, b) => a.size! - b.size!);
	const W = 560;
	const H = 300;
	const L = 64;
	const R = 20;
	const T = 40;
	const B = 48;
	// The value charted of a latency is its p95: its target line too, where the target names one.
	const targetText = pts.find((p) => /≤ [\d,.]+ (ms|MB)/.test(p.target))?.target ?? '';
	const targetMatch =
		/p95 ≤ ([\d,.]+) (ms)/.exec(targetText) ?? /≤ ([\d,.]+) (ms|MB)/.exec(targetText);
	const target = targetMatch ? Number(targetMatch[1].replace(/,/g, '')) : undefined;
	const values = pts.flatMap((p) => [p.value, p.baseline?.value ?? 0]).concat(target ?? 0);
	const max = Math.max(...values) * 1.1 || 1;
	const xs = pts.map((p) => Math.log10(p.size!));
	const x0 = Math.min(...xs);
	const x1 = Math.max(...xs);
	const x = (v: number) => L + ((Math.log10(v) - x0) / (x1 - x0 || 1)) * (W - L - R);
	const y = (v: number) => T + (1 - v / max) * (H - T - B);
	const line = (vals: [number, number][], cls: string) =>
		`<polyline class="${cls}" fill="none" points="${vals.map(([a, b]) => `${x(a).toFixed(1)},${y(b).toFixed(1)}`).join(' ')}"/>` +
		vals
			.map(
				([a, b]) => `<circle class="${cls}" cx="${x(a).toFixed(1)}" cy="${y(b).toFixed(1)}" r="4"/>`
			)
			.join('');
	const unit = pts[0]?.unit ?? '';
	const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => t * max);
	const title = `${pts[0]?.label.replace(/,? (p95|median) of \d+.*$/, '') ?? ''}`;
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="t">
<title id="t">${esc(title)} (${esc(unit)}) against collection size</title>
<style>
	text { font: 12px system-ui, sans-serif; fill: #333; }
	.axis { stroke: #888; }
	.grid { stroke: #ddd; }
	.kartu { stroke: #1565c0; fill: #1565c0; stroke-width: 2.5; }
	.base { stroke: #8d6e63; fill: #8d6e63; stroke-width: 1.5; stroke-dasharray: 5 4; }
	.target { stroke: #c62828; stroke-width: 1.5; stroke-dasharray: 2 3; }
	@media (prefers-color-scheme: dark) { text { fill: #ddd; } .grid { stroke: #444; } .kartu { stroke: #64b5f6; fill: #64b5f6; } }
</style>
<text x="${L}" y="20" font-weight="700">${esc(title)}</text>
${ticks.map((t) => `<line class="grid" x1="${L}" x2="${W - R}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}"/><text x="${L - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${fmt(t)}</text>`).join('\n')}
<line class="axis" x1="${L}" x2="${L}" y1="${T}" y2="${H - B}"/>
<line class="axis" x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}"/>
${pts.map((p) => `<text x="${x(p.size!).toFixed(1)}" y="${H - B + 18}" text-anchor="middle">${p.size!.toLocaleString('en')}</text>`).join('\n')}
<text x="${(L + W - R) / 2}" y="${H - 8}" text-anchor="middle">cards in the collection (log scale)</text>
<text x="14" y="${(T + H - B) / 2}" transform="rotate(-90 14 ${(T + H - B) / 2})" text-anchor="middle">${esc(unit)}</text>
${target !== undefined ? `<line class="target" x1="${L}" x2="${W - R}" y1="${y(target).toFixed(1)}" y2="${y(target).toFixed(1)}"/><text x="${W - R}" y="${(y(target) - 5).toFixed(1)}" text-anchor="end" fill="#c62828">target ${fmt(target)} ${esc(unit)}</text>` : ''}
${
	pts.every((p) => p.baseline)
		? line(
				pts.map((p) => [p.size!, p.baseline!.value]),
				'base'
			)
		: ''
}
${line(
	pts.map((p) => [p.size!, p.value]),
	'kartu'
)}
<text x="${L + 8}" y="${T + 12}" class="kartu-label" fill="#1565c0">— Kartu</text>
${pts.every((p) => p.baseline) ? `<text x="${L + 8}" y="${T + 28}" fill="#8d6e63">- - baseline: ${esc(pts[0].baseline!.label)}</text>` : ''}
</svg>
`;
}

/** A figure's value; a latency's percentiles (or a cold start's median and largest run), painted then DOM. */
function cell(f: Figure): string {
	if (!f.painted || !f.dom) return `${fmt(f.value)} ${f.unit}`;
	const few = (f.n ?? 0) < 20;
	const show = (xs: number[]) => (few ? [xs[0], xs[2]] : xs).map((x) => fmt(x)).join(' / ');
	return `${show(f.painted)} ms; DOM ${show(f.dom)}`;
}

/** Writes bench/results.md and bench/charts/*.svg; returns the markdown. */
export function writeReport(figures: Figure[], info: RunInfo, dir = 'bench'): string {
	mkdirSync(`${dir}/charts`, { recursive: true });
	// A chart per figure measured at two or more collection sizes.
	const sized = figures.filter((f) => f.size !== undefined);
	const keys = [...new Set(sized.map((f) => f.key))].filter(
		(k) => new Set(sized.filter((f) => f.key === k).map((f) => f.size)).size > 1
	);
	for (const key of keys)
		writeFileSync(`${dir}/charts/${key}.svg`, chart(figures.filter((f) => f.key === key)));
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	const lines = [
		'# Kartu benchmark results',
		'',
		`Written by \`npm run bench\` on ${info.date.toISOString().slice(0, 16).replace('T', ' ')} UTC in ${Math.round(info.durationS / 60)} min.`,
		`Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}; Node ${info.node}; ${info.chromium} (headless).`,
		'Every figure is a median (or the stated percentile) of several runs, next to a baseline measured in the same run (and, in the browser, the same page); the ratio is figure ÷ baseline.',
		'Latencies are measured to the painted frame: the message posted from a requestAnimationFrame callback (MessageChannel), the callback requested in the key’s first handler and run in the first frame that holds the change; the DOM figure (the change seen by a MutationObserver) is beside it. For the grade and reveal keys the cell gives p50 / p95 / p99 painted, then DOM; for cold starts median / largest of the runs. The machine is shared: its load is in the notes.',
		'',
		`**${figures.filter((f) => f.pass).length} of ${figures.length} figures meet their target.**`,
		'',
		'| figure | cards | Kartu | baseline | ratio | target | met |',
		'| --- | --: | --: | --- | --: | --- | --- |',
		...figures.map(
			(f) =>
				`| ${f.label} | ${f.size?.toLocaleString('en') ?? ''} | ${cell(f)} | ${f.baseline ? `${fmt(f.baseline.value)} (${f.baseline.label})` : ''} | ${f.ratio !== undefined ? `${fmt(f.ratio, 2)}×` : ''} | ${f.target} | ${f.pass ? 'yes' : '**no**'} |`
		),
		'',
		'## What each figure measures',
		'',
		...[...new Map(figures.map((f) => [f.key, f])).values()].map(
			(f) => `- \`${f.key}\`: ${f.interval ?? f.label}.`
		),
		'',
		'## Charts',
		'',
		...keys.map((k) => `![${k}](charts/${k}.svg)`),
		'',
		...(info.notes.length ? ['## Notes', '', ...info.notes.map((n) => `- ${n}`), ''] : [])
	];
	const md = lines.join('\n');
	writeFileSync(`${dir}/results.md`, md);
	return md;
}
