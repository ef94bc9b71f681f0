// The backup file's rows, as interfaces: what format.ts reads and writes, and read.ts checks.

/** The FSRS card state as stored, with dates. */
export interface BackupFsrs {
	due: Date;
	stability: number;
	difficulty: number;
	elapsed_days: number;
	scheduled_days: number;
	learning_steps: number;
	reps: number;
	lapses: number;
	state: number;
	last_review?: Date;
}

export interface BackupCard {
	id: string;
	/** The articles whose decks have the card (version 1: one `article`, mapped when read). */
	articles: string[];
	sibling: string;
	position: number;
	content: Record<string, unknown> & { headword: string; kind: string };
	fsrs: BackupFsrs;
	suspended: boolean;
	retired: boolean;
	mark?: 'known' | 'ignored';
	queue: number;
}

export interface BackupReview {
	id: string;
	cardId: string;
	grade: number;
	time: Date;
	ms: number;
	before: BackupFsrs;
	after: BackupFsrs;
	practice?: boolean;
}

export interface BackupSetting {
	key: string;
	value: unknown;
}

export interface BackupWord {
	headword: string;
	mark: 'known' | 'ignored';
	time: Date;
}

/** An article the learner added (version 3): its library entry, text and deck. */
export interface BackupArticle {
	slug: string;
	title: string;
	source: string;
	added: Date;
	words: number;
	fingerprint: string;
	text: string;
	/** The deck built from it (cards/types.ts `Deck`), checked for its shape. */
	deck: {
		article: Record<string, unknown> & { slug: string; title: string };
		sentences: unknown[];
		cards: unknown[];
	};
}

/** A meaning the learner gave a headword (version 3). */
export interface BackupMeaning {
	headword: string;
	gloss: string;
	pos: string;
	time: Date;
}

export interface Backup {
	format: 'kartu-backup';
	version: number;
	exported: Date;
	cards: BackupCard[];
	reviews: BackupReview[];
	settings: BackupSetting[];
	words: BackupWord[];
	/** The learner's own articles and meanings (version 3; empty when read from an older file). */
	articles: BackupArticle[];
	meanings: BackupMeaning[];
}
