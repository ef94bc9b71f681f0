// The analysis worker: the lexicon and the text pipeline in a chunk of their own, loaded only by the
// analyse page, so that analysing a long text never blocks the page.

import { createSurveyHandler } from './handler';
import { bundledLexicon } from './lexicon';
import type { FromSurvey, ToSurvey } from './protocol';

// Typed by hand: the project's TypeScript library is the DOM's, not the worker's.
const scope = self as unknown as {
	postMessage(m: FromSurvey): void;
	onmessage: ((e: MessageEvent<ToSurvey>) => void) | null;
};

// A message to ourselves queues behind any message already waiting (a cancel), without setTimeout's clamping.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

const handle = createSurveyHandler(bundledLexicon, (m) => scope.postMessage(m), {
	sliceMs: 40,
	progressMs: 200,
	pause: () =>
		new Promise<void>((resolve) => {
			waiting.push(resolve);
			channel.port2.postMessage(null);
		}),
	now: () => performance.now()
});
scope.onmessage = (e) => handle(e.data);
