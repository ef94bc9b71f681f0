// The analysis as the analyse page's main-thread comparison (?thread=main) runs it. Bundled on its
// own like the worker (the page imports it with ?worker&url), so that none of the pipeline joins the
// app's shared chunks, and handed over through a global, since the page loads it with a script tag.

import { createSurveyHandler } from './handler';
import { bundledLexicon } from './lexicon';

export interface MainThreadSurvey {
	createSurveyHandler: typeof createSurveyHandler;
	bundledLexicon: typeof bundledLexicon;
}

(globalThis as unknown as { kartuMainThreadSurvey: MainThreadSurvey }).kartuMainThreadSurvey = {
	createSurveyHandler,
	bundledLexicon
};
