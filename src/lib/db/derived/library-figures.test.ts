// The home page's kept per-article figures (cards due by quarter-hour, readable share) stay equal to
// a full recount, by the reader's own rule, after any sequence of the app's writes.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Rating, Scheduler, type Grade } from '../../srs';
import { parseBackup, serialiseBackup } from '../../backup/format';
import { undoAnswer } from '../answers';
import { addArticle, deleteArticle, setMeaning, studyNext } from '../articles';
import { applyImport, exportBackup } from '../backup/backup';
import { setSuspended } from '../card-table';
import { syncDecks } from '../decks';
import { rescheduleCards } from '../optimiser';
import type { StoredReview } from '../rows';
import { KartuDB } from '../schema';
import { changeId, changeKey } from '../changes';
import { mergeChanges } from '../sync';
import {
	answerNextIfAny,
	expectKeptFiguresRight,
	second,
	seed,
	T0,
	testSettings,
	userArticle
} from '../test-support';
import { markWord, reviewNow } from '../words';

/** Written for this test: they share words with each other and with the bundled article. */
const TEXTS = [
	`Perahu Nelayan

Nelayan di desa itu berangkat ke laut sebelum fajar.
Hubungan antara nelayan dan pedagang ikan sangat baik.
Presiden berbicara dengan para nelayan tentang harga bahan bakar.`,
	`Kebun Sayur Sekolah

Murid-murid menanam sayur di kebun sekolah setiap pagi.
Guru menekankan pentingnya air bersih bagi tanaman.
Hasil kebun itu dijual kepada pedagang di pasar.`,
	`Jalan Baru ke Bandara

Pemerintah membangun jalan baru menuju bandara.
Menteri mengatakan bahwa jalan itu memperkuat hubungan antara kedua kota.
Warga berharap perjalanan menjadi lebih cepat.`
];

type Op =
	| { op: 'answer'; grade: Grade; minutes: number }
	| { op: 'undo' }
	| { op: 'day' }
	| { op: 'suspend'; pick: number; on: boolean }
	| { op: 'mark'; pick: number; mark: 'known' | 'ignored' | undefined }
	| { op: 'add'; text: number }
	| { op: 'delete'; text: number }
	| { op: 'next'; text: number }
	| { op: 'reviewNow'; pick: number }
	| { op: 'meaning'; pick: number }
	| { op: 'backup'; mode: 'merge' | 'replace' }
	| { op: 'reschedule' }
	| { op: 'syncMark'; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.record({
			op: fc.constant('answer' as const),
			grade: fc.constantFrom<Grade>(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy),
			minutes: fc.integer({ min: 1, max: 30 })
		})
	},
	fc.constant({ op: 'undo' as const }),
	fc.constant({ op: 'day' as const }),
	fc.record({
		op: fc.constant('suspend' as const),
		pick: fc.nat(),
		on: fc.boolean()
	}),
	fc.record({
		op: fc.constant('mark' as const),
		pick: fc.nat(),
		mark: fc.constantFrom('known' as const, 'ignored' as const, undefined)
	}),
	{ weight: 2, arbitrary: fc.record({ op: fc.constant('add' as const), text: fc.nat(2) }) },
	fc.record({ op: fc.constant('delete' as const), text: fc.nat(2) }),
	fc.record({ op: fc.constant('next' as const), text: fc.nat(2) }),
	fc.record({ op: fc.constant('reviewNow' as const), pick: fc.nat() }),
	fc.record({ op: fc.constant('meaning' as const), pick: fc.nat() }),
	fc.record({
		op: fc.constant('backup' as const),
		mode: fc.constantFrom('merge' as const, 'replace' as const)
	}),
	fc.constant({ op: 'reschedule' as const }),
	fc.record({ op: fc.constant('syncMark' as const), pick: fc.nat() })
);

let serial = 0;

describe("the home page's kept per-article figures", () => {
	it('equal a full recount after any sequence of answers, undo, marks, suspending, articles added and deleted, imports and rescheduling', async () => {
		const articles = await Promise.all(TEXTS.map((t) => userArticle(t)));
		const bundled = [seed.deck, second];
		await fc.assert(
			fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 14 }), async (ops) => {
				const db = new KartuDB(`library-figures-${++serial}`);
				try {
					let now = T0;
					await syncDecks(db, bundled, now);
					const answers: StoredReview[] = [];
					const pickCard = async (pick: number) => {
						const ids = (await db.cards.toCollection().primaryKeys()) as string[];
						return ids[pick % ids.length];
					};
					for (const o of ops) {
						now = new Date(now.getTime() + 60_000);
						switch (o.op) {
							case 'answer': {
								now = new Date(now.getTime() + o.minutes * 60_000);
								const a = await answerNextIfAny(db, now, o.grade);
								if (a) answers.push(a.review);
								break;
							}
							case 'undo': {
								const last = answers.pop();
								if (last) await undoAnswer(db, last, 4).catch(() => {});
								break;
							}
							case 'day':
								now = new Date(now.getTime() + 86_400_000);
								break;
							case 'suspend':
								await setSuspended(db, [await pickCard(o.pick)], o.on);
								break;
							case 'mark':
								await markWord(db, (await pickCard(o.pick)).split('/')[0], o.mark, now);
								break;
							case 'syncMark':
								// A mark made on another device, taken by sync (db/sync.ts).
								await mergeChanges(
									db,
									[
										{
											id: changeId(now),
											key: changeKey.word((await pickCard(o.pick)).split('/')[0]),
											value: 'known',
											time: now
										}
									],
									new Scheduler(DEFAULT_SETTINGS),
									async () => []
								);
								break;
							case 'add':
								await addArticle(db, articles[o.text], { marks: {}, meanings: {} }, now).catch(
									() => {}
								);
								break;
							case 'delete':
								await deleteArticle(db, articles[o.text].slug, bundled, now);
								break;
							case 'next':
								if (await db.articles.get(articles[o.text].slug))
									await studyNext(db, articles[o.text].slug, now);
								break;
							case 'reviewNow':
								await reviewNow(db, (await pickCard(o.pick)).split('/')[0], now);
								break;
							case 'meaning':
								await setMeaning(db, (await pickCard(o.pick)).split('/')[0], 'a meaning', '', now);
								break;
							case 'backup': {
								const parsed = parseBackup(serialiseBackup(await exportBackup(db, now)));
								if (!parsed.ok) throw new Error(parsed.error);
								await applyImport(db, parsed.backup, o.mode);
								break;
							}
							case 'reschedule':
								await rescheduleCards(db, testSettings);
								break;
						}
					}
					await expectKeptFiguresRight(db, bundled);
				} finally {
					db.close();
					await db.delete();
				}
			}),
			{ numRuns: 40, seed: 20261313 }
		);
	}, 240_000);

	it('follow a backup of other articles imported, merged or replacing, and an article deleted after', async () => {
		const articles = await Promise.all(TEXTS.map((t) => userArticle(t)));
		const bundled = [seed.deck];
		for (const mode of ['merge', 'replace'] as const) {
			const from = new KartuDB(`library-figures-from-${++serial}`);
			const to = new KartuDB(`library-figures-to-${++serial}`);
			try {
				await syncDecks(from, bundled, T0);
				await syncDecks(to, bundled, T0);
				await addArticle(from, articles[0], { marks: {}, meanings: {} }, T0);
				await addArticle(from, articles[1], { marks: {}, meanings: {} }, T0);
				await addArticle(to, articles[2], { marks: {}, meanings: {} }, T0);
				for (let i = 0; i < 12; i++)
					await answerNextIfAny(from, new Date(T0.getTime() + i * 60_000), Rating.Easy);
				await markWord(from, 'nelayan', 'known', T0);
				await markWord(to, 'jalan', 'known', T0);
				const parsed = parseBackup(serialiseBackup(await exportBackup(from, T0)));
				if (!parsed.ok) throw new Error(parsed.error);
				await applyImport(to, parsed.backup, mode);
				await expectKeptFiguresRight(to, bundled);
				expect(await to.articleReadable.get(articles[0].slug)).toMatchObject({
					read: expect.any(Number)
				});
				expect((await to.articleReadable.get(articles[0].slug))!.read).toBeGreaterThan(0);
				if (mode === 'replace')
					expect(await to.articleReadable.get(articles[2].slug)).toBeUndefined();
				await deleteArticle(to, articles[0].slug, bundled, T0);
				await expectKeptFiguresRight(to, bundled);
			} finally {
				for (const db of [from, to]) {
					db.close();
					await db.delete();
				}
			}
		}
	}, 120_000);
});
