// Export to Anki: an .apkg (a zip holding an Anki collection, SQLite schema 11) with a vocabulary
// note type, Anki's own Cloze note type, the sentences and glosses as fields, tags for the article
// and the root, each card's schedule and FSRS memory state, and the review history, so that
// intervals carry over. The SQLite engine (sql.js) is passed in: the browser loads it only here.

import { zipSync, strToU8 } from 'fflate';
import type { Database, SqlJsStatic } from 'sql.js';
import { textHash } from '../text';

/** What the exporter needs of a stored card (a subset of StoredCard). */
export interface ExportCard {
	id: string;
	/** The articles the card's headword is in: one tag each. */
	articles: string[];
	position: number;
	suspended: boolean;
	retired: boolean;
	mark?: string;
	content: {
		kind: 'vocab' | 'cloze' | 'drill';
		headword: string;
		root: string;
		affixes: string[];
		gloss: string;
		pos: string;
		family: string[];
		sentence: string;
		translation: string;
		spans: { start: number; end: number }[];
		choices?: { form: string }[];
		expansion?: string;
	};
	fsrs: {
		due: Date;
		stability: number;
		difficulty: number;
		scheduled_days: number;
		reps: number;
		lapses: number;
		state: number;
		last_review?: Date;
	};
}

export interface ExportReview {
	cardId: string;
	grade: number;
	time: Date;
	ms: number;
	before: { state: number; scheduled_days: number };
	after: { state: number; scheduled_days: number; due: Date };
	practice?: boolean;
}

const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

const VOCAB_MODEL = 1_700_000_000_001;
const CLOZE_MODEL = 1_700_000_000_002;
const DECK = 1_700_000_000_003;
const CSS =
	'.card { font-family: sans-serif; font-size: 22px; text-align: center; } .sentence { font-size: 18px; margin-top: 1em; } .extra { font-size: 16px; color: #555; }';

function field(name: string, ord: number) {
	return { name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] };
}

function models(now: number) {
	const common = {
		mod: now,
		usn: -1,
		sortf: 0,
		did: DECK,
		css: CSS,
		latexPre: '',
		latexPost: '',
		latexsvg: false,
		tags: [],
		vers: []
	};
	/** A card template of a note type, as Anki stores it. */
	const template = (name: string, qfmt: string, afmt: string) => ({
		name,
		ord: 0,
		qfmt,
		afmt,
		bqfmt: '',
		bafmt: '',
		did: null,
		bfont: '',
		bsize: 0
	});
	const vocabFields = [
		'Headword',
		'Sentence',
		'Gloss',
		'Part of speech',
		'Breakdown',
		'Family',
		'Translation'
	];
	return {
		[VOCAB_MODEL]: {
			...common,
			id: VOCAB_MODEL,
			name: 'Kartu Vocabulary',
			type: 0,
			flds: vocabFields.map(field),
			tmpls: [
				template(
					'Recognition',
					'{{Headword}}<div class="sentence">{{Sentence}}</div>',
					'{{FrontSide}}<hr id="answer">{{Gloss}} <i>{{Part of speech}}</i><div class="extra">{{Breakdown}}<br>{{Family}}<br><i>{{Translation}}</i></div>'
				)
			],
			req: [[0, 'any', [0]]]
		},
		[CLOZE_MODEL]: {
			...common,
			id: CLOZE_MODEL,
			name: 'Cloze',
			type: 1,
			flds: ['Text', 'Back Extra'].map(field),
			tmpls: [template('Cloze', '{{cloze:Text}}', '{{cloze:Text}}<br>{{Back Extra}}')],
			req: [[0, 'any', [0]]]
		}
	};
}

function decks(now: number) {
	const deck = (id: number, name: string) => ({
		id,
		name,
		mod: now,
		usn: -1,
		lrnToday: [0, 0],
		revToday: [0, 0],
		newToday: [0, 0],
		timeToday: [0, 0],
		collapsed: false,
		browserCollapsed: false,
		desc: name === 'Kartu' ? 'Exported from Kartu.' : '',
		dyn: 0,
		conf: 1,
		extendNew: 0,
		extendRev: 0
	});
	return { 1: deck(1, 'Default'), [DECK]: deck(DECK, 'Kartu') };
}

const DCONF = {
	1: {
		id: 1,
		name: 'Default',
		mod: 0,
		usn: 0,
		maxTaken: 60,
		autoplay: true,
		timer: 0,
		replayq: true,
		dyn: false,
		new: {
			delays: [1, 10],
			ints: [1, 4, 0],
			initialFactor: 2500,
			order: 1,
			perDay: 20,
			bury: true,
			separate: true
		},
		rev: {
			perDay: 200,
			ease4: 1.3,
			ivlFct: 1,
			maxIvl: 36500,
			hardFactor: 1.2,
			bury: true,
			fuzz: 0.05
		},
		lapse: { delays: [10], mult: 0, minInt: 1, leechFails: 8, leechAction: 1 }
	}
};

const escapeHtml = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The sentence with its spans wrapped: in <b> for a vocabulary card, as {{c1::…}} for a cloze. */
function markSpans(c: ExportCard, wrap: (text: string) => string): string {
	let out = '';
	let at = 0;
	for (const s of [...c.content.spans].sort((a, b) => a.start - b.start)) {
		out +=
			escapeHtml(c.content.sentence.slice(at, s.start)) +
			wrap(c.content.sentence.slice(s.start, s.end));
		at = s.end;
	}
	return out + escapeHtml(c.content.sentence.slice(at));
}

/**
 * The note's Anki GUID, from the card's id as it was before ids were per headword (first article,
 * then `headword/kind`), so that a collection exported before imports over the same notes.
 */
function guid(c: ExportCard): string {
	const id = `${c.articles[0]}/${c.id}`;
	return `kartu-${textHash(id)}-${id.length}`;
}

function fields(c: ExportCard): string[] {
	const k = c.content;
	const breakdown = [
		...k.affixes.filter((a) => a.endsWith('-')),
		k.root,
		...k.affixes.filter((a) => a.startsWith('-'))
	].join(' + ');
	if (k.kind === 'vocab') {
		return [
			escapeHtml(k.headword),
			markSpans(c, (t) => `<b>${escapeHtml(t)}</b>`),
			escapeHtml(k.gloss),
			escapeHtml(k.pos),
			escapeHtml(k.expansion ? `${k.expansion}; ${breakdown}` : breakdown),
			escapeHtml(k.family.join(', ')),
			escapeHtml(k.translation)
		];
	}
	// A cloze; an affix drill becomes a cloze whose hint lists the family's forms.
	const hint =
		k.kind === 'drill' && k.choices ? `::${k.choices.map((ch) => ch.form).join(' / ')}` : '';
	return [
		markSpans(c, (t) => `{{c1::${escapeHtml(t)}${hint}}}`),
		`${escapeHtml(k.headword)}: ${escapeHtml(k.gloss)}<br><i>${escapeHtml(k.translation)}</i>`
	];
}

async function checksum(text: string): Promise<number> {
	const digest = new Uint8Array(
		await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text))
	);
	return ((digest[0] << 24) >>> 0) + (digest[1] << 16) + (digest[2] << 8) + digest[3];
}

const stripHtml = (s: string) =>
	s
		.replace(/<[^>]*>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');
const DAY = 86_400_000;

/**
 * Builds the .apkg bytes. Practice answers are left out of the review history (they changed no
 * schedule); cards marked known or ignored are exported suspended, tagged kartu::known or kartu::ignored.
 */
export async function buildApkg(
	SQL: SqlJsStatic,
	cards: ExportCard[],
	reviews: ExportReview[],
	now: Date
): Promise<Uint8Array> {
	const db: Database = new SQL.Database();
	try {
		db.exec(SCHEMA);
		const firstReview = reviews.reduce((t, r) => Math.min(t, r.time.getTime()), now.getTime());
		const crtDay = new Date(firstReview);
		crtDay.setHours(4, 0, 0, 0);
		const crt = Math.floor(crtDay.getTime() / 1000);
		const mod = now.getTime();
		db.run('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
			crt,
			mod,
			mod,
			JSON.stringify({
				nextPos: cards.length + 1,
				estTimes: true,
				activeDecks: [DECK],
				sortType: 'noteFld',
				timeLim: 0,
				sortBackwards: false,
				addToCur: true,
				curDeck: DECK,
				newBury: true,
				newSpread: 0,
				dueCounts: true,
				curModel: String(VOCAB_MODEL),
				collapseTime: 1200
			}),
			JSON.stringify(models(Math.floor(mod / 1000))),
			JSON.stringify(decks(Math.floor(mod / 1000))),
			JSON.stringify(DCONF),
			'{}'
		]);
		const ankiId = new Map<string, number>();
		const note = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
		const card = db.prepare(
			'INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?)'
		);
		let id = mod * 10;
		const newOrder = [...cards].sort((a, b) => a.position - b.position);
		for (const c of cards.filter((x) => !x.retired)) {
			const f = fields(c);
			const nid = ++id;
			const cid = ++id;
			ankiId.set(c.id, cid);
			const tags = [
				...c.articles,
				`root::${c.content.root}`,
				`kartu::${c.content.kind}`,
				...(c.mark ? [`kartu::${c.mark}`] : [])
			].map((t) => t.replace(/\s+/g, '_'));
			note.run([
				nid,
				guid(c),
				c.content.kind === 'vocab' ? VOCAB_MODEL : CLOZE_MODEL,
				Math.floor(mod / 1000),
				` ${tags.join(' ')} `,
				f.join('\x1f'),
				stripHtml(f[0]),
				await checksum(stripHtml(f[0]))
			]);
			const s = c.fsrs;
			// Anki's type/queue: 0 new, 1 learning, 2 review, 3 relearning; -1 suspended.
			const type = s.state;
			const queue = c.suspended || c.mark ? -1 : s.state === 3 ? 1 : s.state;
			const due =
				s.state === 0
					? newOrder.indexOf(c) + 1
					: s.state === 2
						? Math.max(0, Math.round((s.due.getTime() - crt * 1000) / DAY))
						: Math.floor(s.due.getTime() / 1000);
			const data = s.state === 0 ? '{}' : JSON.stringify({ s: s.stability, d: s.difficulty });
			card.run([
				cid,
				nid,
				DECK,
				Math.floor(mod / 1000),
				type,
				queue,
				due,
				s.scheduled_days,
				s.state === 0 ? 0 : 2500,
				s.reps,
				s.lapses,
				data
			]);
		}
		note.free();
		card.free();
		const log = db.prepare('INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, 2500, ?, ?)');
		const used = new Set<number>();
		for (const r of [...reviews].sort((a, b) => a.time.getTime() - b.time.getTime())) {
			const cid = ankiId.get(r.cardId);
			if (r.practice || cid === undefined) continue;
			let rid = r.time.getTime();
			while (used.has(rid)) rid++;
			used.add(rid);
			const learning = r.after.state === 1 || r.after.state === 3;
			// Anki: positive intervals in days, negative ones in seconds (learning steps).
			const ivl = learning
				? -Math.max(1, Math.round((r.after.due.getTime() - r.time.getTime()) / 1000))
				: r.after.scheduled_days;
			const type = r.before.state === 0 || r.before.state === 1 ? 0 : r.before.state === 2 ? 1 : 2;
			log.run([
				rid,
				cid,
				r.grade,
				ivl,
				r.before.scheduled_days,
				Math.min(60_000, Math.round(r.ms)),
				type
			]);
		}
		log.free();
		const collection = db.export();
		return zipSync({ 'collection.anki2': collection, media: strToU8('{}') });
	} finally {
		db.close();
	}
}

/** A file name with the date: kartu-2026-11-27.apkg. */
export function apkgFileName(now: Date): string {
	const d = new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
	return `kartu-${d}.apkg`;
}
