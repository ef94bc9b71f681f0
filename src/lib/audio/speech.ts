// Indonesian text-to-speech through the browser's speechSynthesis: never with a voice of another language.

/** The parts of the Web Speech API Kartu uses, so tests can pass a stub. */
export interface Synth {
	getVoices(): { lang: string; name: string; default?: boolean }[];
	speak(utterance: SpeechSynthesisUtterance): void;
	cancel(): void;
}

/**
 * The best Indonesian voice: id-ID first, then any id-* or plain "id"; undefined when there is none
 * (then Kartu says so instead of reading Indonesian with an English voice).
 * @example indonesianVoice([{ lang: 'en-US' }, { lang: 'id-ID' }]) → { lang: 'id-ID' }
 */
export function indonesianVoice<V extends { lang: string; default?: boolean }>(
	voices: V[]
): V | undefined {
	const lang = (v: V) => v.lang.replace('_', '-').toLowerCase();
	return (
		voices.find((v) => lang(v) === 'id-id' && v.default) ??
		voices.find((v) => lang(v) === 'id-id') ??
		voices.find((v) => lang(v) === 'id' || lang(v).startsWith('id-'))
	);
}

/**
 * Speaks `text` in Indonesian, cancelling whatever was being said. Returns false, saying nothing,
 * when there is no Indonesian voice. Never waits: speechSynthesis queues the utterance.
 */
export function speakIndonesian(synth: Synth, text: string, rate = 0.9): boolean {
	const voice = indonesianVoice(synth.getVoices());
	if (!voice || !text.trim()) return false;
	synth.cancel();
	const u = new SpeechSynthesisUtterance(text);
	u.lang = voice.lang;
	// Only a real SpeechSynthesisVoice may be set; the language alone still picks the voice.
	if (typeof SpeechSynthesisVoice !== 'undefined' && voice instanceof SpeechSynthesisVoice)
		u.voice = voice;
	u.rate = rate;
	synth.speak(u);
	return true;
}
