// Whether this browser can speak Indonesian, kept up to date as voices load, and speaking on request.

import { indonesianVoice, speakIndonesian } from '../audio/speech';

class Speech {
	/** True once the browser offers an Indonesian voice. */
	available = $state(false);
	#started = false;

	/** Looks for voices; they often arrive after page load, so listen for more. */
	start(): void {
		if (this.#started || typeof speechSynthesis === 'undefined') return;
		this.#started = true;
		const check = () => (this.available = !!indonesianVoice(speechSynthesis.getVoices()));
		check();
		speechSynthesis.addEventListener?.('voiceschanged', check);
	}

	speak(text: string): boolean {
		if (typeof speechSynthesis === 'undefined') return false;
		return speakIndonesian(speechSynthesis, text);
	}
}

export const speech = new Speech();
