// Runs inside the served site's page (bundled by bench/articles.ts with esbuild): a library of added
// articles, each a copy of the bundled article's deck under a slug of its own with headwords of its
// own, stored through Kartu's own code (syncDecks, as adding an article does), with library entries
// and article rows holding a text of the article's size. Each sentence's words are the article's own
// headwords (so each article has a readable share to count), and a share of the cards is studied:
// in review, due over the next weeks, some today (what a learner's library holds after a while).

import { syncDecks } from '../src/lib/db/decks';
import { KartuDB } from '../src/lib/db/schema';
import { cardId, type Deck, type DeckCard } from '../src/lib/cards';

async function template(): Promise<Deck> {
	const r = await fetch(new URL('decks.json', document.baseURI));
	return ((await r.json()) as { decks: Deck[] }).decks[0];
}

/** `articles` added articles of `cardsEach` cards and `wordsEach` words of text each. */
async function seedLibrary(articles: number, cardsEach: number, wordsEach: number) {
	const t0 = performance.now();
	const db = new KartuDB();
	const base = await template();
	const words = base.sentences
		.map((s) => s.text)
		.join(' ')
		.split(/\s+/);
	const text = Array.from({ length: wordsEach }, (_, i) => words[i % words.length]).join(' ');
	const decks: Deck[] = [];
	const now = new Date();
	for (let a = 0; a < articles; a++) {
		const slug = `mine-bench${String(a).padStart(7, '0')}`;
		const cards: DeckCard[] = [];
		for (let i = 0; cards.length < cardsEach; i++) {
			const c = base.cards[i % base.cards.length];
			const headword = `${c.headword}~${a}~${Math.floor(i / base.cards.length)}`;
			cards.push({ ...c, id: cardId(headword, c.kind), headword, article: slug, position: i });
		}
		// The sentences' words are this article's headwords (the first copy of each).
		const sentences = base.sentences.map((s) => ({
			...s,
			words: s.words.map((w) => ({ ...w, headword: `${w.headword}~${a}~0` }))
		}));
		const deck = {
			...base,
			article: { ...base.article, slug, title: `Artikel ${a + 1}` },
			sentences,
			cards
		};
		decks.push(deck);
		await db.library.put({
			slug,
			title: deck.article.title,
			source: '',
			added: new Date(now.getTime() + a),
			words: wordsEach,
			fingerprint: slug
		});
		await db.articles.put({
			slug,
			added: new Date(now.getTime() + a),
			text,
			deck: { ...deck, cards: [] }
		});
	}
	for (let i = 0; i < decks.length; i += 10) await syncDecks(db, decks.slice(i, i + 10), now);
	// A third of each article's cards studied: in review, due from today to 30 days on.
	const day = 86_400_000;
	for (const deck of decks) {
		const mine = await db.cards.where('articles').equals(deck.article.slug).toArray();
		const studied = mine
			.filter((_, i) => i % 3 === 0)
			.map((c, i) => {
				const due = new Date(now.getTime() + (i % 31) * day - 3600_000);
				return {
					...c,
					fsrs: {
						...c.fsrs,
						state: 2 as const,
						reps: 2,
						stability: 10,
						difficulty: 5,
						scheduled_days: 10,
						last_review: new Date(due.getTime() - 10 * day),
						due
					},
					queue: 2
				};
			});
		await db.cards.bulkPut(studied);
	}
	const cards = await db.cards.count();
	db.close();
	return { cards, ms: performance.now() - t0 };
}

(window as unknown as { __seedLibrary: typeof seedLibrary }).__seedLibrary = seedLibrary;
