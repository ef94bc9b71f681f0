// The messages between the analyse page and the analysis worker (or its stand-in on the main thread).

import type { Deck } from '../cards';
import type { SurveyPage, SurveySummary, SurveyView } from '../text';
import type { ArticleSource, PreparedArticle } from './article';

/** What to analyse: pasted text, or a file the learner opened (read and checked by the worker). */
export type SurveyInput = { text: string } | { file: File };

export type ToSurvey =
	/** Load the lexicon and build its index now, before the first text arrives. */
	| { type: 'warm' }
	/** Analyse `input`; the first `limit` rows of `view` come with the result. Cancels any analysis under way. */
	| { type: 'start'; job: number; input: SurveyInput; view: SurveyView; limit: number }
	/** Read `source` as an article the learner adds, analyse it and build its deck. Cancels any analysis under way. */
	| { type: 'article'; job: number; source: ArticleSource }
	| { type: 'cancel'; job: number }
	/** More rows of the finished analysis `job`. */
	| { type: 'page'; job: number; view: SurveyView; offset: number; limit: number };

export type FromSurvey =
	| { type: 'ready' }
	/** Sentences analysed so far, of `total`. */
	| { type: 'progress'; job: number; done: number; total: number }
	| { type: 'done'; job: number; summary: SurveySummary; page: SurveyPage }
	| { type: 'page'; job: number; page: SurveyPage }
	/** An article read, analysed and made a deck, not stored yet: the preview shows it. */
	| { type: 'article'; job: number; article: PreparedArticle; deck: Deck; summary: SurveySummary }
	/** The input cannot be analysed (empty, too large, not text); `message` says why. */
	| { type: 'refused'; job: number; message: string }
	| { type: 'cancelled'; job: number }
	| { type: 'failed'; job: number; message: string };
