// sastrawijs ships no types; the benchmark uses only its stemmer.
declare module 'sastrawijs' {
	export class Stemmer {
		stem(word: string): string;
	}
}
