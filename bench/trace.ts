// npm run bench:trace — a learner's session (bench/session.ts) on a collection seeded as a year of
// study, with Chromium's trace recorded (CDP Tracing), and for every grade what its frame held:
// key → DOM, the main-thread frame (style, layout, pre-paint, paint, commit), what ran on the main
// thread between the frame and the painted mark (the work that delays it), garbage collection, and
// when the compositor drew and the display compositor swapped the frame. Prints one line per grade
// and a summary of the slow ones (painted over SLOW ms). SIZE (10000), ANSWERS (60), SLOW (8),
// TRACE_OUT (a path to keep the trace JSON), PROFILE (a seeded profile to copy, served on the same
// port) and JS_SAMPLES (add V8's sampling profiler) change it. The trace itself slows the page (about 1.5×).

import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';
import type { KeyRecord } from './keys';
import { fmt, median, serveBuild } from './lib';
import { coldCopy, firstPage, launchProfile, removeProfile } from './page';
import { seedProfile } from './scale';
import { answersFrom, learnerSession } from './session';

const CATEGORIES = [
	'devtools.timeline',
	'disabled-by-default-devtools.timeline',
	'disabled-by-default-devtools.timeline.frame',
	'blink.user_timing',
	'v8.execute',
	'disabled-by-default-v8.gc',
	'cc',
	'viz',
	'benchmark',
	'input',
	'toplevel'
];

export interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	args?: { name?: string; data?: Record<string, unknown> };
}

export async function startTrace(cdp: CDPSession): Promise<void> {
	await cdp.send('Tracing.start', {
		transferMode: 'ReturnAsStream',
		traceConfig: {
			includedCategories: process.env.JS_SAMPLES
				? [...CATEGORIES, 'disabled-by-default-v8.cpu_profiler']
				: CATEGORIES
		}
	});
}

export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
	const done = new Promise<string>((resolve) =>
		cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!))
	);
	await cdp.send('Tracing.end');
	const stream = await done;
	let text = '';
	for (;;) {
		const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
		text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
		if (chunk.eof) break;
	}
	await cdp.send('IO.close', { handle: stream });
	const json = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
	return Array.isArray(json) ? json : json.traceEvents;
}

/** What one grade's frame held, in ms from the key's timeStamp. */
export interface GradeFrame {
	key: KeyRecord;
	dom: number;
	paint: number;
	/** The main-thread frame that showed the front: its start, and its parts. */
	frameStart?: number;
	frame: Record<string, number>;
	/** Compositor draw and display swap of that frame. */
	draw?: number;
	swap?: number;
	/** Tasks on the main thread between the frame's end and the painted mark: what they ran, ms each. */
	after: { what: string; ms: number }[];
	/** Tasks before the frame started, after the DOM change. */
	before: { what: string; ms: number }[];
	gc: { what: string; ms: number }[];
}

const FRAME_PARTS: Record<string, string> = {
	FireAnimationFrame: 'frame callbacks',
	UpdateLayoutTree: 'style',
	Layout: 'layout',
	PrePaint: 'pre-paint',
	Paint: 'paint',
	Layerize: 'layerize',
	Commit: 'commit'
};

/** Reads every grade's frame out of the trace. */
export function gradeFrames(events: TraceEvent[], keys: KeyRecord[]): GradeFrame[] {
	const names = new Map<string, string>();
	for (const e of events)
		if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args!.name!);
	const marks = new Map<string, TraceEvent>();
	for (const e of events)
		if (e.name?.startsWith('bench-') && !marks.has(e.name)) marks.set(e.name, e);
	const first = marks.get('bench-key-0');
	if (!first) return [];
	const thread = (e: TraceEvent) => names.get(`${e.pid}:${e.tid}`) ?? '';
	const main = events
		.filter((e) => e.pid === first.pid && e.tid === first.tid && e.ph === 'X')
		.sort((a, b) => a.ts - b.ts);
	const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
	const comp = events
		.filter((e) => e.pid === first.pid && thread(e) === 'Compositor' && e.ph === 'X')
		.sort((a, b) => a.ts - b.ts);
	const viz = events
		.filter((e) => thread(e) === 'VizCompositorThread' && e.ph === 'X')
		.sort((a, b) => a.ts - b.ts);
	/** What a task ran: its first telling child. */
	const what = (task: TraceEvent) => {
		const end = task.ts + (task.dur ?? 0);
		const kids = main.filter((c) => c.ts >= task.ts && c.ts <= end && c !== task);
		const named = kids.find((c) =>
			/^(TimerFire|EventDispatch|FireIdleCallback|HandlePostMessage|ProxyMain::BeginMainFrame|ParseHTML|V8\.GC|MajorGC|MinorGC|BlinkGC|ResourceReceivedData|ResourceFinish|XHRLoad|FunctionCall)/.test(
				c.name
			)
		);
		if (!named) return kids[1]?.name ?? task.name;
		const d = named.args?.data ?? {};
		const detail = (d.type ?? d.functionName ?? '') as string;
		return detail ? `${named.name} ${detail}` : named.name;
	};
	const out: GradeFrame[] = [];
	for (const k of keys) {
		if (k.type !== 'grade' || k.paint === undefined || k.dom === undefined) continue;
		const km = marks.get(`bench-key-${k.n}`);
		const dm = marks.get(`bench-dom-${k.n}`);
		const pm = marks.get(`bench-paint-${k.n}`);
		if (!km || !dm || !pm) continue;
		const t0 = km.ts - (k.start - k.t0) * 1000;
		const rel = (ts: number) => (ts - t0) / 1000;
		const bmf = main.find((e) => e.name === 'ProxyMain::BeginMainFrame' && e.ts >= dm.ts);
		const bmfEnd = bmf ? bmf.ts + (bmf.dur ?? 0) : undefined;
		const frame: Record<string, number> = {};
		if (bmf)
			for (const e of main)
				if (e.ts >= bmf.ts && e.ts <= bmfEnd! && FRAME_PARTS[e.name])
					frame[FRAME_PARTS[e.name]] = (frame[FRAME_PARTS[e.name]] ?? 0) + (e.dur ?? 0) / 1000;
		const draw =
			bmf && comp.find((e) => e.name === 'ProxyImpl::ScheduledActionDraw' && e.ts >= bmf.ts);
		const swap = draw && viz.find((e) => e.name === 'Display::DrawAndSwap' && e.ts >= draw.ts);
		const span = (from: number, to: number) =>
			tasks
				.filter((t) => t.ts >= from && t.ts < to && (t.dur ?? 0) > 100 && t !== bmf)
				.filter((t) => !(bmf && t.ts <= bmf.ts && t.ts + (t.dur ?? 0) >= bmfEnd!))
				.map((t) => ({ what: what(t), ms: (t.dur ?? 0) / 1000 }));
		out.push({
			key: k,
			dom: k.dom - k.t0,
			paint: k.paint - k.t0,
			frameStart: bmf && rel(bmf.ts),
			frame,
			draw: draw ? rel(draw.ts) : undefined,
			swap: swap ? rel(swap.ts + (swap.dur ?? 0)) : undefined,
			after: bmfEnd ? span(bmfEnd, pm.ts) : [],
			before: bmf ? span(dm.ts, bmf.ts) : [],
			gc: main
				.filter(
					(e) => e.ts >= t0 && e.ts <= pm.ts && /^(V8\.GC|MajorGC|MinorGC|BlinkGC\.)/.test(e.name)
				)
				.map((e) => ({ what: e.name, ms: (e.dur ?? 0) / 1000 }))
		});
	}
	return out;
}

function describe(g: GradeFrame): string {
	const parts = Object.entries(g.frame)
		.map(([k, v]) => `${k} ${fmt(v)}`)
		.join(', ');
	const list = (xs: { what: string; ms: number }[]) =>
		xs.map((x) => `${x.what} ${fmt(x.ms)}`).join('; ') || '-';
	return (
		`#${g.key.n} ${g.key.path}/${g.key.kind} painted ${fmt(g.paint)} (DOM ${fmt(g.dom)}; frame at ${g.frameStart !== undefined ? fmt(g.frameStart) : '?'}: ${parts}; ` +
		`drawn ${g.draw !== undefined ? fmt(g.draw) : '?'}, swapped ${g.swap !== undefined ? fmt(g.swap) : '?'}) ` +
		`| before the frame: ${list(g.before)} | after it: ${list(g.after)}${g.gc.length ? ` | GC: ${list(g.gc)}` : ''}`
	);
}

async function tracedSession(page: Page, answers: number, seed: number) {
	const cdp = await page.context().newCDPSession(page);
	await startTrace(cdp);
	const session = await learnerSession(page, answersFrom('build/decks.json'), {
		answers,
		seed,
		probe: true
	});
	const events = await stopTrace(cdp);
	await cdp.detach();
	return { session, events };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const size = Number(process.env.SIZE ?? 10_000);
	const slow = Number(process.env.SLOW ?? 8);
	const server = await serveBuild(Number(process.env.BENCH_PORT ?? 4397));
	const dir = process.env.PROFILE
		? coldCopy(process.env.PROFILE, 'trace')
		: (await seedProfile(server.url, size)).dir;
	try {
		const context = await launchProfile(dir);
		await context.addInitScript({ content: 'window.__benchTrace = true;' });
		try {
			const page = await firstPage(context);
			await page.goto(server.url + '/review');
			const { session, events } = await tracedSession(
				page,
				Number(process.env.ANSWERS ?? 60),
				size
			);
			if (process.env.TRACE_OUT) {
				writeFileSync(process.env.TRACE_OUT, JSON.stringify({ traceEvents: events }));
				writeFileSync(`${process.env.TRACE_OUT}.keys.json`, JSON.stringify(session.keys));
			}
			const frames = gradeFrames(events, session.keys);
			for (const g of frames) console.log(describe(g));
			const slowOnes = frames.filter((g) => g.paint > slow);
			const sum = (f: (g: GradeFrame) => number) => median(slowOnes.map(f));
			console.log(
				`\n${slowOnes.length} of ${frames.length} grades painted after ${slow} ms (traced). Medians over them: DOM ${fmt(sum((g) => g.dom))} ms, ` +
					`frame start ${fmt(sum((g) => g.frameStart ?? 0))}, frame ${Object.keys(FRAME_PARTS)
						.map((p) => FRAME_PARTS[p])
						.map((p) => `${p} ${fmt(sum((g) => g.frame[p] ?? 0))}`)
						.join(
							', '
						)}; work after the frame ${fmt(sum((g) => g.after.reduce((a, x) => a + x.ms, 0)))} ms; ` +
					`GC in ${slowOnes.filter((g) => g.gc.length).length} of them.`
			);
		} finally {
			await context.close();
		}
	} finally {
		removeProfile(dir);
		server.stop();
	}
}
