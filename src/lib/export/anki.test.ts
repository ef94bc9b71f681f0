import 'fake-indexeddb/auto';
import { unzipSync, strFromU8 } from 'fflate';
import initSqlJs from 'sql.js';
import { afterAll, describe, expect, it } from 'vitest';
import { readArticle } from '../../../scripts/content-node';
import { loadQueue } from '../db/cards';
import { syncDecks } from '../db/decks';
import { recordAnswer, recordPractice } from '../db/answers';
import { KartuDB } from '../db/schema';
import { markWord } from '../db/words';
import { pickNext, Rating, Scheduler, type Grade, DEFAULT_SETTINGS } from '../srs';
import { textHash } from '../text';
import { apkgFileName, buildApkg } from './anki';

const { deck } = readArticle('azerbaijan-iran');
const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const scheduler = new Scheduler(settings);
const t0 = new Date(2026, 2, 2, 9, 0);
const db = new KartuDB('anki-export');
afterAll(async () => {
	db.close();
	await db.delete();
});

describe('buildApkg', async () => {
	await syncDecks(db, [deck], t0);
	for (const [i, g] of ([Rating.Easy, Rating.Good, Rating.Again] as Grade[]).entries()) {
		const at = new Date(t0.getTime() + i * 1000);
		const { queue } = await loadQueue(db, at, settings);
		const card = (await db.cards.get(pickNext(queue, at.getTime())!.id))!;
		await recordAnswer(db, {
			card,
			grade: g,
			next: scheduler.answer(card.fsrs, g, at),
			time: at,
			ms: 4000,
			dayStartHour: 4
		});
	}
	const any = (await db.cards.toArray())[10];
	await recordPractice(db, { card: any, grade: Rating.Good, time: t0, ms: 1000 });
	await markWord(db, 'negara', 'known', t0);

	const SQL = await initSqlJs();
	const bytes = await buildApkg(
		SQL,
		await db.cards.toArray(),
		await db.reviews.toArray(),
		new Date(t0.getTime() + 3600_000)
	);
	const files = unzipSync(bytes);
	const col = new SQL.Database(files['collection.anki2']);
	const rows = (sql: string) => {
		const r = col.exec(sql)[0];
		return r ? r.values : [];
	};

	it('is a zip with an Anki collection and an empty media list', () => {
		expect(Object.keys(files).sort()).toEqual(['collection.anki2', 'media']);
		expect(strFromU8(files.media)).toBe('{}');
		expect(rows('SELECT ver FROM col')).toEqual([[11]]);
		expect(apkgFileName(new Date(2026, 10, 27))).toBe('kartu-2026-11-27.apkg');
	});

	it('has a vocabulary note type and Anki’s own Cloze note type', () => {
		const models = JSON.parse(rows('SELECT models FROM col')[0][0] as string);
		const byName = Object.fromEntries(Object.values(models).map((m: any) => [m.name, m]));
		expect(byName['Kartu Vocabulary'].type).toBe(0);
		expect(byName['Kartu Vocabulary'].flds.map((f: any) => f.name)).toEqual([
			'Headword',
			'Sentence',
			'Gloss',
			'Part of speech',
			'Breakdown',
			'Family',
			'Translation'
		]);
		expect(byName.Cloze.type).toBe(1);
		expect(byName.Cloze.flds.map((f: any) => f.name)).toEqual(['Text', 'Back Extra']);
	});

	it('exports every card as a note with its sentence, gloss and tags', () => {
		expect(rows('SELECT count(*) FROM notes')).toEqual([[deck.cards.length]]);
		expect(rows('SELECT count(*) FROM cards')).toEqual([[deck.cards.length]]);
		const [flds, tags] = rows(
			"SELECT flds, tags FROM notes WHERE sfld = 'menekankan'"
		)[0] as string[];
		const f = flds.split('\x1f');
		expect(f[1]).toContain('<b>Menekankan</b>');
		expect(f[2]).toBe('to emphasise; to stress');
		expect(f[4]).toBe('meN- + tekan + -kan');
		expect(tags).toContain('azerbaijan-iran');
		expect(tags).toContain('root::tekan');
		const cloze = rows("SELECT flds FROM notes WHERE flds LIKE '%{{c1::Perluasan}}%'").map(
			(r) => String(r[0]).split('\x1f')[1]
		);
		expect(cloze).toHaveLength(1);
		// the drills of menekankan and penekanan, each listing the family's forms as the hint
		const drill = rows(
			"SELECT flds FROM notes WHERE flds LIKE '%{{c1::%::menekankan / penekanan / tekan}}%'"
		);
		expect(drill).toHaveLength(2);
	});

	it('carries over the schedule and the review history, not practice answers', () => {
		expect(rows('SELECT count(*) FROM revlog')).toEqual([[3]]);
		expect(rows('SELECT ease FROM revlog ORDER BY id')).toEqual([[4], [3], [1]]);
		// menekankan: Easy on a new card → in review days ahead, with its FSRS memory state
		const [type, queue, ivl, data] = rows(
			"SELECT c.type, c.queue, c.ivl, c.data FROM cards c JOIN notes n ON n.id = c.nid WHERE n.sfld = 'menekankan'"
		)[0] as [number, number, number, string];
		expect([type, queue]).toEqual([2, 2]);
		expect(ivl).toBeGreaterThan(1);
		expect(JSON.parse(data)).toHaveProperty('s');
		// known words are exported suspended and tagged
		expect(
			rows(
				"SELECT c.queue, n.tags FROM cards c JOIN notes n ON n.id = c.nid WHERE n.sfld = 'negara'"
			)[0]
		).toEqual([-1, expect.stringContaining('kartu::known')]);
	});

	it('tags a card with each of its articles, and keeps the note of its id before ids were per headword', async () => {
		const cards = (await db.cards.toArray()).map((c) =>
			c.id === 'hubungan/vocab' ? { ...c, articles: ['azerbaijan-iran', 'kunjungan-baku'] } : c
		);
		const two = new SQL.Database(
			unzipSync(await buildApkg(SQL, cards, [], new Date(t0.getTime() + 3600_000)))[
				'collection.anki2'
			]
		);
		const [guid, tags] = two.exec(
			"SELECT guid, tags FROM notes WHERE sfld = 'hubungan' AND flds NOT LIKE '%{{c1::%'"
		)[0].values[0] as string[];
		expect(tags).toContain(' azerbaijan-iran kunjungan-baku ');
		const old = 'azerbaijan-iran/hubungan/vocab';
		expect(guid).toBe(`kartu-${textHash(old)}-${old.length}`);
	});
});
