// Reads a backup's lists, every field against its domain, then what ties them together (unique ids
// and word marks, reviews of cards present). Version 1 keyed cards by `article/headword/kind` with
// one `article`; version 2 keys them by `headword/kind`, with the `articles` that contain them.

import { DEFAULT_SETTINGS, validateSettings } from '../srs';
import {
	bad,
	BackupError,
	bool,
	date,
	list,
	num,
	obj,
	oneOf,
	optionalText,
	text,
	shown,
	texts,
	whole
} from './fields';
import { checkStep, EARLIEST, future, readFsrs, type Clock } from './fsrs-state';
import type {
	Backup,
	BackupArticle,
	BackupCard,
	BackupMeaning,
	BackupReview,
	BackupSetting,
	BackupWord
} from './types';

const KINDS = ['vocab', 'cloze', 'drill'] as const;
const MARKS = ['known', 'ignored'] as const;
const GRADES = [1, 2, 3, 4] as const;

/**
 * The parts of a backup after `format` and `version`, which the caller has read. Version-1 cards
 * come back as that version kept them (with `article`), for the caller to map.
 */
export function readParts(
	root: Record<string, unknown>,
	clock: Clock,
	version: 1 | 2 | 3
): Omit<Backup, 'format' | 'version'> {
	const exported = date(root.exported, 'exported', EARLIEST, clock.now, future(clock));
	// Dates are checked against now, not `exported` (snapshots are assembled with an earlier time):
	// what FSRS needs is that no review lies after now, when the cards will be answered.
	const cards = list(root.cards, 'cards').map((c, i) =>
		readCard(c, `cards[${i}]`, clock, version === 1 ? 1 : 2)
	);
	const index = unique(
		cards.map((c) => c.id),
		'cards',
		'id',
		'card'
	);
	const reviews = list(root.reviews, 'reviews').map((r, i) =>
		readReview(r, `reviews[${i}]`, clock)
	);
	unique(
		reviews.map((r) => r.id),
		'reviews',
		'id',
		'review'
	);
	reviews.forEach((r, i) => {
		const at = `reviews[${i}].cardId`;
		if (!index.has(r.cardId))
			throw new BackupError(
				at,
				`A review (${at}) is for the card "${r.cardId}", which is not in the backup.`
			);
	});
	const settings = list(root.settings, 'settings').map((s, i) => readSetting(s, `settings[${i}]`));
	unique(
		settings.map((s) => s.key),
		'settings',
		'key',
		'setting'
	);
	// Backups made before word marks existed have no list.
	const words = list(root.words ?? [], 'words').map((w, i) => readWord(w, `words[${i}]`, clock));
	unique(
		words.map((w) => w.headword),
		'words',
		'headword',
		'word mark'
	);
	// Version 3 adds the learner's own articles and meanings.
	const articles =
		version < 3
			? []
			: list(root.articles, 'articles').map((a, i) => readArticle(a, `articles[${i}]`, clock));
	unique(
		articles.map((a) => a.slug),
		'articles',
		'slug',
		'article'
	);
	unique(
		articles.map((a) => a.fingerprint),
		'articles',
		'fingerprint',
		'article text'
	);
	const meanings =
		version < 3
			? []
			: list(root.meanings, 'meanings').map((m, i) => readMeaning(m, `meanings[${i}]`, clock));
	unique(
		meanings.map((m) => m.headword),
		'meanings',
		'headword',
		'meaning'
	);
	return { exported, cards, reviews, settings, words, articles, meanings };
}

/** The longest article text a backup may hold: what the add-article page accepts. */
const MAX_ARTICLE_CHARS = 5 * 1024 * 1024;

function readArticle(raw: unknown, at: string, clock: Clock): BackupArticle {
	const o = obj(raw, at);
	const slug = text(o.slug, `${at}.slug`);
	if (slug.includes('/')) throw bad(`${at}.slug`, `is "${slug}": a slug never holds a "/".`);
	const articleText = text(o.text, `${at}.text`);
	if (articleText.length > MAX_ARTICLE_CHARS)
		throw bad(`${at}.text`, 'is longer than the 5 MB an article can have.');
	const deck = obj(o.deck, `${at}.deck`);
	const meta = obj(deck.article, `${at}.deck.article`);
	if (meta.slug !== slug)
		throw bad(`${at}.deck.article.slug`, `is ${shown(meta.slug)}, but the article is "${slug}".`);
	const sentences = list(deck.sentences, `${at}.deck.sentences`);
	sentences.forEach((s, i) => {
		const so = obj(s, `${at}.deck.sentences[${i}]`);
		text(so.id, `${at}.deck.sentences[${i}].id`);
		text(so.text, `${at}.deck.sentences[${i}].text`);
		list(so.words, `${at}.deck.sentences[${i}].words`);
	});
	const cards = list(deck.cards, `${at}.deck.cards`);
	cards.forEach((c, i) => {
		const content = readContent(c, `${at}.deck.cards[${i}]`);
		if (content.article !== slug)
			throw bad(`${at}.deck.cards[${i}].article`, `is ${shown(content.article)}, not "${slug}".`);
	});
	return {
		slug,
		title: text(o.title, `${at}.title`),
		source: typeof o.source === 'string' ? o.source : text(o.source, `${at}.source`, true),
		added: date(o.added, `${at}.added`, EARLIEST, clock.now, future(clock)),
		words: whole(o.words, `${at}.words`),
		fingerprint: text(o.fingerprint, `${at}.fingerprint`),
		text: articleText,
		deck: {
			article: { ...meta, slug, title: text(meta.title, `${at}.deck.article.title`) },
			sentences,
			cards
		}
	};
}

function readMeaning(raw: unknown, at: string, clock: Clock): BackupMeaning {
	const o = obj(raw, at);
	return {
		headword: text(o.headword, `${at}.headword`),
		gloss: text(o.gloss, `${at}.gloss`),
		pos: typeof o.pos === 'string' ? o.pos : text(o.pos, `${at}.pos`, true),
		time: date(o.time, `${at}.time`, EARLIEST, clock.now, future(clock))
	};
}

/** Refuses the second of two equal keys (IndexedDB would refuse the whole import); returns key → index. */
function unique(keys: string[], name: string, field: string, what: string): Map<string, number> {
	const seen = new Map<string, number>();
	keys.forEach((k, i) => {
		const first = seen.get(k);
		if (first !== undefined)
			throw bad(
				`${name}[${i}].${field}`,
				`is "${k}", as is ${name}[${first}].${field}: a backup holds each ${what} once.`
			);
		seen.set(k, i);
	});
	return seen;
}

function readCard(raw: unknown, at: string, clock: Clock, version: 1 | 2): BackupCard {
	const o = obj(raw, at);
	const id = text(o.id, `${at}.id`);
	const sibling = text(o.sibling, `${at}.sibling`);
	const content = readContent(o.content, `${at}.content`);
	if (content.id !== id)
		throw bad(`${at}.content.id`, `is "${content.id}", but the card is "${id}".`);
	let articles: { article: string } | { articles: string[] };
	if (version === 1) {
		// The id names the card: `article/headword/kind`, and the content must be that card's.
		const article = text(o.article, `${at}.article`);
		if (content.article !== article)
			throw bad(
				`${at}.content.article`,
				`is "${content.article}", but the card belongs to "${article}".`
			);
		if (sibling !== `${article}/${content.headword}`)
			throw bad(
				`${at}.sibling`,
				`is "${sibling}"; the card's article and headword make it "${article}/${content.headword}".`
			);
		articles = { article };
	} else {
		// The id names the card: `headword/kind`; its content is built from the first of its articles.
		const list = texts(o.articles, `${at}.articles`);
		if (!list.length)
			throw bad(`${at}.articles`, 'is empty: a card belongs to at least one article.');
		if (new Set(list).size !== list.length) throw bad(`${at}.articles`, 'names an article twice.');
		if (!list.includes(content.article as string))
			throw bad(
				`${at}.content.article`,
				`is "${content.article}", which is not one of the card's articles.`
			);
		if (sibling !== content.headword)
			throw bad(
				`${at}.sibling`,
				`is "${sibling}"; the card's headword makes it "${content.headword}".`
			);
		articles = { articles: list };
	}
	if (id !== `${sibling}/${content.kind}`)
		throw bad(
			`${at}.id`,
			`is "${id}"; the card's headword and kind make it "${sibling}/${content.kind}".`
		);
	const mark = o.mark === undefined ? undefined : oneOf(o.mark, `${at}.mark`, MARKS);
	return {
		id,
		...(articles as { articles: string[] }),
		sibling,
		// Negative when the learner asked to review a new word now (db/words.ts reviewNow).
		position: whole(o.position, `${at}.position`, Number.MIN_SAFE_INTEGER),
		content,
		fsrs: readFsrs(o.fsrs, `${at}.fsrs`, clock),
		suspended: bool(o.suspended, `${at}.suspended`),
		retired: bool(o.retired, `${at}.retired`),
		...(mark ? { mark } : {}),
		// Worked out again on import (queueOf); only its type is checked.
		queue: num(o.queue, `${at}.queue`)
	};
}

/** A card's content (cards/types.ts `DeckCard`): what the review page shows, so it must all be there. */
function readContent(raw: unknown, at: string): BackupCard['content'] {
	const o = obj(raw, at);
	const kind = oneOf(o.kind, `${at}.kind`, KINDS);
	const sentence = text(o.sentence, `${at}.sentence`);
	const spans = list(o.spans, `${at}.spans`).map((s, i) => {
		const span = obj(s, `${at}.spans[${i}]`);
		const start = whole(span.start, `${at}.spans[${i}].start`, 0, sentence.length - 1);
		const end = whole(span.end, `${at}.spans[${i}].end`, start + 1, sentence.length);
		return { start, end };
	});
	if (!spans.length)
		throw bad(`${at}.spans`, 'is empty: a card shows where its word stands in the sentence.');
	const choices =
		o.choices === undefined
			? undefined
			: list(o.choices, `${at}.choices`).map((c, i) => {
					const x = obj(c, `${at}.choices[${i}]`);
					const p = `${at}.choices[${i}]`;
					return {
						form: text(x.form, `${p}.form`),
						pos: text(x.pos, `${p}.pos`, true),
						gloss: text(x.gloss, `${p}.gloss`, true),
						affixes: texts(x.affixes, `${p}.affixes`),
						meaning: text(x.meaning, `${p}.meaning`, true)
					};
				});
	if (kind === 'drill' && !(choices && choices.length >= 2))
		throw bad(`${at}.choices`, 'must list at least two forms on an affix drill card.');
	const optional = (key: string) => {
		const v = optionalText(o[key], `${at}.${key}`);
		return v === undefined ? {} : { [key]: v };
	};
	return {
		...o,
		id: text(o.id, `${at}.id`),
		kind,
		article: text(o.article, `${at}.article`),
		headword: text(o.headword, `${at}.headword`),
		root: text(o.root, `${at}.root`),
		...optional('rootGloss'),
		affixes: texts(o.affixes, `${at}.affixes`),
		gloss: text(o.gloss, `${at}.gloss`, true),
		pos: text(o.pos, `${at}.pos`, true),
		...optional('note'),
		...optional('expansion'),
		verified: bool(o.verified, `${at}.verified`),
		sentenceId: text(o.sentenceId, `${at}.sentenceId`),
		sentence,
		translation: text(o.translation, `${at}.translation`, true),
		spans,
		answer: text(o.answer, `${at}.answer`),
		...(o.alternatives === undefined
			? {}
			: { alternatives: texts(o.alternatives, `${at}.alternatives`) }),
		family: texts(o.family, `${at}.family`),
		...(choices ? { choices } : {}),
		position: whole(o.position, `${at}.position`)
	};
}

function readReview(raw: unknown, at: string, clock: Clock): BackupReview {
	const o = obj(raw, at);
	const grade = oneOf(num(o.grade, `${at}.grade`), `${at}.grade`, GRADES);
	const review: BackupReview = {
		id: text(o.id, `${at}.id`),
		cardId: text(o.cardId, `${at}.cardId`),
		grade,
		time: date(o.time, `${at}.time`, EARLIEST, clock.now, future(clock)),
		ms: whole(o.ms, `${at}.ms`),
		before: readFsrs(o.before, `${at}.before`, clock),
		after: readFsrs(o.after, `${at}.after`, clock),
		...(o.practice === undefined
			? {}
			: bool(o.practice, `${at}.practice`)
				? { practice: true }
				: {})
	};
	checkStep(review, at);
	return review;
}

function readWord(raw: unknown, at: string, clock: Clock): BackupWord {
	const o = obj(raw, at);
	return {
		headword: text(o.headword, `${at}.headword`),
		mark: oneOf(o.mark, `${at}.mark`, MARKS),
		time: date(o.time, `${at}.time`, EARLIEST, clock.now, future(clock))
	};
}

/**
 * A setting row. The values the app reads back without defaults are checked: the scheduler
 * settings (as the Settings page checks them), the audio choice and the list of articles.
 */
function readSetting(raw: unknown, at: string): BackupSetting {
	const o = obj(raw, at);
	const key = text(o.key, `${at}.key`);
	const value = o.value;
	if (key === 'scheduler') readScheduler(value, `${at}.value`);
	else if (key === 'audio') {
		const v = obj(value, `${at}.value`);
		if (v.autoplay !== undefined) bool(v.autoplay, `${at}.value.autoplay`);
	} else if (key === 'articles')
		texts(value, `${at}.value`).forEach((s, i) => text(s, `${at}.value[${i}]`));
	return { key, value };
}

function readScheduler(raw: unknown, at: string): void {
	const o = obj(raw, at);
	// Types first: validateSettings expects them (the stored value is merged over the defaults).
	for (const [key, def] of Object.entries(DEFAULT_SETTINGS)) {
		const v = o[key];
		if (v === undefined) continue;
		if (Array.isArray(def)) {
			const items = list(v, `${at}.${key}`);
			items.forEach((x, i) =>
				typeof def[0] === 'number' ? num(x, `${at}.${key}[${i}]`) : text(x, `${at}.${key}[${i}]`)
			);
		} else if (typeof def === 'number') num(v, `${at}.${key}`);
		else if (typeof def === 'boolean') bool(v, `${at}.${key}`);
	}
	// One setting at a time, so the refusal names the setting at fault.
	for (const key of Object.keys(DEFAULT_SETTINGS)) {
		if (o[key] === undefined) continue;
		const errors = validateSettings({ ...DEFAULT_SETTINGS, [key]: o[key] });
		if (errors.length) throw bad(`${at}.${key}`, `is ${shown(o[key])}: ${errors.join(' ')}`);
	}
}
