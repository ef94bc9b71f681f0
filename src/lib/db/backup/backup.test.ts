import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArticle } from '../../../../scripts/content-node';
import {
	backupFileName,
	parseBackup,
	serialiseBackup,
	MAX_BACKUP_BYTES
} from '../../backup/format';
import { readFileSync } from 'node:fs';
import { cardIdFromV1 } from '../../cards';
import { applyImport, exportBackup, planImport } from './backup';
import { ensureDecks, syncDecks } from '../decks';
import { KartuDB } from '../schema';
import { study, userArticle } from '../test-support';
import { addArticle, setMeaning } from '../articles';
import { listSnapshots, readSnapshot, restoreSnapshot, takeSnapshot } from './snapshots';
import { markWord } from '../words';

const { deck } = readArticle('azerbaijan-iran');
const t0 = new Date(2026, 2, 2, 9, 0);

let n = 0;
const opened: KartuDB[] = [];
function fresh(): KartuDB {
	const db = new KartuDB(`backup-${++n}`);
	opened.push(db);
	return db;
}
afterEach(async () => {
	for (const db of opened.splice(0)) {
		db.close();
		await db.delete();
	}
});

async function snapshotOf(db: KartuDB) {
	return {
		cards: await db.cards.toArray(),
		reviews: await db.reviews.toArray(),
		settings: (await db.settings.toArray()).filter((s) => s.key !== 'stats-state'),
		words: await db.words.toArray(),
		library: await db.library.toArray(),
		articles: await db.articles.toArray(),
		meanings: await db.meanings.toArray()
	};
}

/** Written for this test: shares hubungan and negara with the bundled article. */
const PASAR = 'Pasar Ikan\n\nPara pedagang menjual ikan di pasar.\nHubungan kedua negara itu baik.';

describe('export and import', () => {
	let a: KartuDB;
	beforeEach(async () => {
		a = fresh();
		await syncDecks(a, [deck], t0);
		await study(a, 4);
		await markWord(a, 'negara', 'known', t0);
	});

	it('round-trips every card, review, setting and mark through the file (replace)', async () => {
		const text = serialiseBackup(await exportBackup(a, t0));
		const parsed = parseBackup(text);
		expect(parsed.ok).toBe(true);
		const b = fresh();
		await syncDecks(b, [deck], t0);
		await study(b, 1, new Date(t0.getTime() + 86_400_000 * 3));
		if (!parsed.ok) return;
		const summary = await applyImport(b, parsed.backup, 'replace');
		expect(summary).toMatchObject({
			mode: 'replace',
			cardsAdded: deck.cards.length,
			reviewsAdded: 4,
			reviewsRemoved: 1
		});
		expect(await snapshotOf(b)).toEqual(await snapshotOf(a));
	});

	it('round-trips the learner’s own articles and meanings (format 3), replacing and merging', async () => {
		const pasar = await userArticle(PASAR);
		await addArticle(a, pasar, { marks: {}, meanings: { pedagang: 'trader' } }, t0);
		await setMeaning(a, 'negara', 'country, state', '', t0);
		const parsed = parseBackup(serialiseBackup(await exportBackup(a, t0)));
		if (!parsed.ok) throw new Error(parsed.error);
		expect(parsed.backup.articles.map((x) => [x.slug, x.title, x.text])).toEqual([
			[pasar.slug, 'Pasar Ikan', PASAR]
		]);
		const empty = fresh();
		await applyImport(empty, parsed.backup, 'replace');
		expect(await snapshotOf(empty)).toEqual(await snapshotOf(a));
		// Merging into a browser that has only the bundled article brings the article and meanings.
		const other = fresh();
		await syncDecks(other, [deck], t0);
		await applyImport(other, parsed.backup, 'merge');
		expect((await other.library.toArray()).map((e) => e.slug)).toEqual([pasar.slug]);
		expect((await other.articles.get(pasar.slug))?.text).toBe(PASAR);
		expect((await other.meanings.get('negara'))?.gloss).toBe('country, state');
		expect((await other.cards.get('pedagang/vocab'))?.content.gloss).toBe('trader');
		expect((await other.settings.get('articles'))?.value).toEqual(['azerbaijan-iran', pasar.slug]);
	});

	it('refuses an article whose deck is not its own, naming the field', () => {
		const file = (deckSlug: string) =>
			JSON.stringify({
				format: 'kartu-backup',
				version: 3,
				exported: t0.toISOString(),
				cards: [],
				reviews: [],
				settings: [],
				words: [],
				meanings: [],
				articles: [
					{
						slug: 'mine-1',
						title: 'T',
						source: '',
						added: t0.toISOString(),
						words: 2,
						fingerprint: 'f',
						text: 'Dua kata.',
						deck: { article: { slug: deckSlug, title: 'T' }, sentences: [], cards: [] }
					}
				]
			});
		expect(parseBackup(file('mine-1'), undefined, t0).ok).toBe(true);
		expect(parseBackup(file('other'), undefined, t0)).toMatchObject({
			ok: false,
			path: 'articles[0].deck.article.slug'
		});
	});

	it('says before a Replace how many reviews and cards here are newer than the file and would be lost', async () => {
		const parsed = parseBackup(serialiseBackup(await exportBackup(a, t0)));
		if (!parsed.ok) throw new Error(parsed.error);
		expect(await planImport(a, parsed.backup, 'replace')).toMatchObject({
			reviewsLost: 0,
			cardsNewerHere: 0
		});
		// Two more answers after the backup was made: replacing would lose them.
		await study(a, 2, new Date(t0.getTime() + 86_400_000));
		expect(await planImport(a, parsed.backup, 'replace')).toMatchObject({
			reviewsLost: 2,
			cardsNewerHere: 2
		});
	});

	it('after a Replace, the next deck update and the next snapshot work without the rows it cleared', async () => {
		const parsed = parseBackup(serialiseBackup(await exportBackup(a, t0)));
		if (!parsed.ok) throw new Error(parsed.error);
		const b = fresh();
		await ensureDecks(b, 'build-1', async () => [deck], t0);
		await study(b, 1, new Date(t0.getTime() + 86_400_000 * 2));
		expect(await takeSnapshot(b, new Date(t0.getTime() + 86_400_000 * 2))).toBeDefined();
		await applyImport(b, parsed.backup, 'replace');
		// The build's decks are stored again (the version row went with the replace), keeping the imported history.
		let loaded = 0;
		await ensureDecks(b, 'build-1', async () => (loaded++, [deck]), t0);
		expect(loaded).toBe(1);
		expect(await b.reviews.count()).toBe(4);
		expect(await b.cards.count()).toBe(deck.cards.length);
		// The next snapshot starts a new chain rather than extending one the replace removed.
		const next = await takeSnapshot(b, new Date(t0.getTime() + 86_400_000 * 3));
		expect(next).toMatchObject({ reviews: 4, cards: deck.cards.length });
		const { backup } = await readSnapshot(b, next!.id);
		expect(backup.reviews).toHaveLength(4);
	});

	it('merges without counting a review twice, keeping the longer history of each card', async () => {
		const b = fresh();
		await syncDecks(b, [deck], t0);
		await study(b, 2, new Date(t0.getTime() + 86_400_000));
		const parsed = parseBackup(serialiseBackup(await exportBackup(a, t0)));
		if (!parsed.ok) throw new Error(parsed.error);
		const plan = await planImport(b, parsed.backup, 'merge');
		expect(plan).toMatchObject({ cardsAdded: 0, reviewsAdded: 4, reviewsSkipped: 0 });
		await applyImport(b, parsed.backup, 'merge');
		expect(await b.reviews.count()).toBe(6);
		const again = await planImport(b, parsed.backup, 'merge');
		expect(again).toMatchObject({ reviewsAdded: 0, reviewsSkipped: 4 });
		await applyImport(b, parsed.backup, 'merge');
		expect(await b.reviews.count()).toBe(6);
		expect((await b.words.get('negara'))?.mark).toBe('known');
	});

	it('imports a format-1 backup, its cards under their new ids and merged per headword', async () => {
		// The schema-5 fixture's rows are format 1's cards: one set per article, ids slug/headword/kind.
		const v5 = JSON.parse(
			readFileSync(new URL('../fixtures/v5-database.json', import.meta.url), 'utf8')
		);
		const file = JSON.stringify({
			format: 'kartu-backup',
			version: 1,
			exported: '2026-03-08T10:00:00.000Z',
			cards: v5.cards,
			reviews: v5.reviews,
			settings: v5.settings,
			words: v5.words
		});
		const parsed = parseBackup(file);
		if (!parsed.ok) throw new Error(parsed.error);
		const ids = new Set(v5.cards.map((c: { id: string }) => cardIdFromV1(c.id)));
		expect(parsed.backup.version).toBe(3);
		expect(parsed.backup).toMatchObject({ articles: [], meanings: [] });
		expect(parsed.backup.cards.map((c) => c.id).sort()).toEqual([...ids].sort());
		expect(parsed.backup.cards.find((c) => c.id === 'hubungan/cloze')?.articles).toEqual([
			'azerbaijan-iran',
			'kunjungan-baku'
		]);
		expect(parsed.backup.reviews.map((r) => r.cardId)).toEqual(
			v5.reviews.map((r: { cardId: string }) => cardIdFromV1(r.cardId))
		);
		const b = fresh();
		await syncDecks(b, [deck], t0);
		await applyImport(b, parsed.backup, 'replace');
		expect(await b.cards.count()).toBe(ids.size);
		expect(await b.reviews.count()).toBe(v5.reviews.length);
		// And exported again, it is a format-2 file that reads back the same.
		const again = parseBackup(serialiseBackup(await exportBackup(b, t0)));
		if (!again.ok) throw new Error(again.error);
		expect(again.backup.cards).toEqual(await b.cards.toArray());
	});

	it('names the date in the file name', () => {
		expect(backupFileName(new Date(2026, 10, 27, 23, 30))).toBe('kartu-backup-2026-11-27.json');
	});
});

describe('parseBackup refuses bad files with a clear message', () => {
	const good = async () => {
		const db = fresh();
		await syncDecks(db, [deck], t0);
		await study(db, 2);
		return JSON.parse(serialiseBackup(await exportBackup(db, t0)));
	};

	it.each([
		['not JSON', () => 'hello {', /not JSON/],
		['another format', () => JSON.stringify({ format: 'anki', version: 1 }), /not a Kartu backup/],
		[
			'a newer version',
			(g: any) => JSON.stringify({ ...g, version: 4 }),
			/newer Kartu \(format version 4\)/
		],
		[
			'a missing field',
			(g: any) =>
				JSON.stringify({
					...g,
					cards: g.cards.map((c: any, i: number) =>
						i === 3 ? { ...c, fsrs: { ...c.fsrs, due: undefined } } : c
					)
				}),
			/cards\[3\]\.fsrs\.due is missing or not a date/
		],
		[
			'a mistyped field',
			(g: any) =>
				JSON.stringify({ ...g, reviews: [{ ...g.reviews[0], grade: 'good' }, g.reviews[1]] }),
			/reviews\[0\]\.grade is missing or not a number/
		],
		[
			'a review of a card not in the file',
			(g: any) =>
				JSON.stringify({ ...g, cards: g.cards.filter((c: any) => c.id !== g.reviews[0].cardId) }),
			/is for the card .* not in the backup/
		]
	])('%s', async (_name, make, message) => {
		const result = parseBackup(make(await good()));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(message);
	});

	it('an enormous file, before reading it', () => {
		const result = parseBackup('{}', MAX_BACKUP_BYTES + 1);
		expect(result).toEqual({ ok: false, error: expect.stringMatching(/at most 50 MB/) });
	});
});

describe('snapshots', () => {
	it('takes one a day once there are reviews, keeps seven, and restores one', async () => {
		const db = fresh();
		await syncDecks(db, [deck], t0);
		expect(await takeSnapshot(db, t0)).toBeUndefined(); // nothing studied yet
		await study(db, 1);
		expect(await takeSnapshot(db, t0)).toBeDefined();
		expect(await takeSnapshot(db, new Date(t0.getTime() + 3600_000))).toBeUndefined(); // same day
		for (let d = 1; d <= 8; d++) {
			await study(db, 1, new Date(t0.getTime() + d * 86_400_000));
			await takeSnapshot(db, new Date(t0.getTime() + d * 86_400_000));
		}
		const list = await listSnapshots(db);
		expect(list).toHaveLength(7);
		expect(list[0].reviews).toBe(9);
		const oldest = list.at(-1)!;
		await restoreSnapshot(db, oldest.id);
		expect(await db.reviews.count()).toBe(oldest.reviews);
	});
});
