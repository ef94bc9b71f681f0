// The review page's first card, drawn by the early script (early.ts) before the app has loaded: a
// returning learner's from today's queue as the early script read it, a first visit's from the
// build (the bundled article's first new card). It is drawn by filling in copies of the card faces
// the page's build rendered with the app's own components (routes/review/ReviewScreen.svelte, its
// templates marked `data-early-templates`), so it looks exactly as the app's card will; the sentence
// is cut by the same functions (cards/sentence-parts.ts). What the learner does to it before the app
// takes over (Space, a typed answer, a drill's letter) is kept for the app (`EarlyFace.take`), which
// replaces the face with its own in one frame when it shows the same card.

// Modules imported one by one, not through cards/ or srs/ index.ts: this is the inline early
// script's code, and an index would bring the lexicon and ts-fsrs along.
import { shownContent } from '../../cards/contexts';
import type { FrontContent } from '../../cards/new-order';
import { blankLabel, blankWidth, clozeLayout, sentenceParts } from '../../cards/sentence-parts';
import type { DeckCard } from '../../cards/types';
import type { QueueCounts } from '../../srs/queue';
import type { StoredCard } from '../rows';

/** The attributes the review page marks its parts with for the early script. */
export const EARLY_ATTR = {
	/** Where the early face goes (empty in the build); on a first visit it carries the first card's front as JSON (`data-first`). */
	slot: 'data-early-face',
	/** The hidden faces of each kind, rendered at build time by the app's components. */
	templates: 'data-early-templates',
	/** A count of the cards left (`new`, `learning`, `review`). */
	count: 'data-early-count',
	/** "Loading today's cards…", hidden once the face is drawn. */
	loading: 'data-early-loading',
	/** On the drawn card: its id (the app's own card has `data-card-id`). */
	card: 'data-early-card'
} as const;

/** What the learner did on the early face before the app took over. */
export interface EarlyInput {
	/** Asked for the answer (Space, Enter, the button). */
	reveal: boolean;
	/** Typed into the cloze card's text boxes, joined as the app joins them (' … '). */
	typed: string;
	/** The drill form chosen. */
	choice?: string;
}

/** The face the early script drew, for the app to take over. */
export interface EarlyFace {
	cardId: string;
	/** When it was drawn (performance.now()): the learner has been looking at the card since. */
	shownAt: number;
	/** Stops listening and gives what the learner did; the face itself stays until the app's replaces it. */
	take(): EarlyInput;
}

/** Today's first card as the review session will show it, and the counts beside it (early.ts `readFirstCard`). */
export interface FirstCard {
	card: StoredCard;
	counts: QueueCounts;
}

/** What `first`'s front shows: its content with the sentence this review shows (cards/contexts.ts). */
export const frontContent = (first: FirstCard): DeckCard =>
	shownContent(first.card.content, first.card.fsrs.reps);

/** Whether the page's templates have been parsed (the parser is past their last part). */
export const facesParsed = (doc: Document): boolean =>
	doc.readyState !== 'loading' || !!doc.querySelector(`[${EARLY_ATTR.templates}] [data-actions]`);

/** A first visit's card: the front the build put on the page, if it did. */
export function builtFirst(doc: Document): FrontContent | undefined {
	const text = doc.querySelector(`[${EARLY_ATTR.slot}]`)?.getAttribute('data-first');
	try {
		return text ? (JSON.parse(text) as FrontContent) : undefined;
	} catch {
		return undefined;
	}
}

const LETTER = (i: number) => String.fromCharCode(65 + i);

/**
 * Draws `content`'s front into the page's slot, with `counts` (absent on a first visit: the build's
 * counts stand). Undefined, drawing nothing, when the page lacks the slot or the templates.
 */
export function drawFace(
	doc: Document,
	content: FrontContent,
	counts?: QueueCounts
): EarlyFace | undefined {
	const slot = doc.querySelector<HTMLElement>(`[${EARLY_ATTR.slot}]`);
	const templates = doc.querySelector(`[${EARLY_ATTR.templates}]`);
	const model = templates?.querySelector(`[data-kind="${content.kind}"]`);
	const facesModel = templates?.querySelector('[data-faces]');
	const actions = templates?.querySelector('[data-actions]')?.cloneNode(true) as
		HTMLElement | undefined;
	if (!slot || !model || !facesModel || !actions) return undefined;
	const face = model.cloneNode(true) as HTMLElement;
	const card = face.querySelector('article');
	if (!card) return undefined;
	card.setAttribute(EARLY_ATTR.card, content.id);
	// Whether this browser has an Indonesian voice is the app's to find out: the button waits for it.
	card.querySelector<HTMLElement>('.audio')?.style.setProperty('visibility', 'hidden');
	const input: EarlyInput = { reveal: false, typed: '' };
	const boxes: HTMLInputElement[] = [];

	if (content.kind === 'cloze') fillCloze(doc, card, content, boxes);
	else {
		fillSentence(doc, card, content, content.kind === 'drill');
		const headword = card.querySelector('.headword');
		if (headword) headword.textContent = content.headword;
		const root = card.querySelector('.kind [lang]');
		if (root) root.textContent = content.root;
		if (content.kind === 'drill') fillChoices(card, content, input);
	}

	const faces = facesModel.cloneNode(false) as HTMLElement;
	faces.append(face);
	slot.replaceChildren(faces, actions);
	for (const el of doc.querySelectorAll<HTMLElement>(`[${EARLY_ATTR.loading}]`)) el.hidden = true;
	if (counts) showCounts(doc, counts);
	boxes[0]?.focus({ preventScroll: true });

	const show = actions.querySelector('button');
	const onShow = () => (input.reveal = true);
	show?.addEventListener('click', onShow);
	// The app's keys (routes/review/ReviewScreen.svelte), kept until it takes over.
	const onKey = (e: KeyboardEvent) => {
		if (e.ctrlKey || e.metaKey || e.altKey) return;
		const typing = (e.target as Element | null)?.closest?.('input');
		if (e.key === 'Enter' || (e.key === ' ' && !typing)) {
			if (!typing && (e.target as Element | null)?.closest?.('button, a')) return;
			e.preventDefault();
			input.reveal = true;
		} else if (content.kind === 'drill' && /^[a-h]$/i.test(e.key)) {
			const choice = content.choices?.[e.key.toLowerCase().charCodeAt(0) - 97];
			if (choice) {
				e.preventDefault();
				input.choice = choice.form;
			}
		}
	};
	addEventListener('keydown', onKey);
	return {
		cardId: content.id,
		shownAt: performance.now(),
		take() {
			removeEventListener('keydown', onKey);
			show?.removeEventListener('click', onShow);
			input.typed = boxes.some((b) => b.value) ? boxes.map((b) => b.value).join(' … ') : '';
			return input;
		}
	};
}

/** A vocabulary card's or drill's sentence: the word marked, or blanked on a drill. */
function fillSentence(doc: Document, card: Element, content: FrontContent, blank: boolean): void {
	const sentence = card.querySelector('.sentence > [lang]');
	const mark = sentence?.querySelector(blank ? '.gap' : 'mark');
	if (!sentence || !mark) return;
	sentence.replaceChildren(
		...sentenceParts(content.sentence, content.spans).map((part) => {
			if (!part.marked) return doc.createTextNode(part.text);
			const el = mark.cloneNode(true);
			if (!blank) el.textContent = part.text;
			return el;
		})
	);
}

/** A cloze card's sentence with its text boxes and lines. */
function fillCloze(
	doc: Document,
	card: Element,
	content: FrontContent,
	boxes: HTMLInputElement[]
): void {
	const sentence = card.querySelector('.sentence');
	const box = sentence?.querySelector('input');
	const line = sentence?.querySelector('.line');
	if (!sentence || !box || !line) return;
	const layout = clozeLayout(content.sentence, content.spans, content.answer);
	sentence.replaceChildren(
		...layout.pieces.map((piece) => {
			if (piece.blank === undefined) return doc.createTextNode(piece.text);
			if (piece.blank >= layout.boxes) return line.cloneNode(true);
			const el = box.cloneNode(true) as HTMLInputElement;
			el.setAttribute('aria-label', blankLabel(piece.blank, layout.boxes));
			el.style.width = `${blankWidth(layout, piece.blank, content.answer)}ch`;
			boxes.push(el);
			return el;
		})
	);
}

/** A drill's choices, each a button with its letter. */
function fillChoices(card: Element, content: FrontContent, input: EarlyInput): void {
	const group = card.querySelector('.choices');
	const button = group?.querySelector('button');
	if (!group || !button) return;
	group.replaceChildren(
		...(content.choices ?? []).map((choice, i) => {
			const el = button.cloneNode(true) as HTMLElement;
			const kbd = el.querySelector('kbd');
			el.setAttribute('aria-keyshortcuts', LETTER(i));
			if (kbd) kbd.textContent = LETTER(i);
			el.replaceChildren(...(kbd ? [kbd] : []), ` ${choice.form}`);
			el.addEventListener('click', () => (input.choice = choice.form));
			return el;
		})
	);
}

/** The counts of cards left, as the review screen shows them. */
function showCounts(doc: Document, counts: QueueCounts): void {
	for (const el of doc.querySelectorAll<HTMLElement>(`[${EARLY_ATTR.count}]`)) {
		const value = counts[el.getAttribute(EARLY_ATTR.count) as keyof QueueCounts];
		if (value !== undefined) el.textContent = String(value);
	}
	doc
		.querySelector('[data-early-counts]')
		?.setAttribute(
			'aria-label',
			`Cards left: ${counts.new} new, ${counts.learning} learning, ${counts.review} to review`
		);
}
