import { describe, expect, it } from 'vitest';
import { guessLanguage } from './language';

// Every sentence below was written for this test.
const INDONESIAN = [
	'Pagi itu hujan turun sejak subuh, dan jalan menuju pasar tergenang air.',
	'Para pedagang tetap membuka lapak mereka karena pembeli masih berdatangan.',
	'Menurut kepala desa, perbaikan saluran air akan dimulai bulan depan.'
].join(' ');

const ENGLISH = [
	'That morning the rain had been falling since dawn, and the road to the market was flooded.',
	'The traders still opened their stalls because buyers kept coming.',
	'According to the village head, the repair of the drains will start next month.'
].join(' ');

const MALAY = [
	'Kerajaan negeri akan membina hospital baharu di bandar itu tahun hadapan.',
	'Menurut jurucakap syarikat, kos projek itu mencecah dua bilion ringgit kerana harga bahan naik.',
	'Orang ramai boleh mendapatkan rawatan percuma sahaja di klinik kerajaan.'
].join(' ');

const FRENCH =
	'Ce matin, la pluie tombait depuis l’aube et la route du marché était inondée de boue.';

describe('guessLanguage verdicts', () => {
	it.each([
		['an Indonesian news paragraph', INDONESIAN, 'indonesian'],
		['an English paragraph', ENGLISH, 'english'],
		['a Malaysian Malay paragraph', MALAY, 'malay'],
		['Indonesian and English half and half', `${INDONESIAN} ${ENGLISH}`, 'mixed'],
		[
			'Indonesian with a few English words in it',
			'Rapat itu membahas deadline proyek dan budget yang sudah disetujui oleh manajer.',
			'indonesian'
		],
		[
			'colloquial Indonesian',
			'Aku nggak tahu kok dia belum datang, padahal udah janji mau ketemu di sini.',
			'indonesian'
		],
		[
			'English with one Indonesian loanword',
			'We ate nasi goreng at the stall near the station and then walked back to the hotel.',
			'english'
		],
		['a French paragraph', FRENCH, 'other'],
		['a single Indonesian word', 'Terima', 'unsure'],
		['two words', 'Terima kasih', 'unsure'],
		['nothing but numbers and punctuation', '12.000 — 15 / 30 %', 'unsure'],
		['an empty text', '', 'unsure']
	])('calls %s %s', (_what, text, verdict) => {
		expect(guessLanguage(text).verdict).toBe(verdict);
	});
});

describe('guessLanguage figures', () => {
	it('gives the Indonesian share of the evidence', () => {
		expect(guessLanguage(INDONESIAN).indonesianShare).toBeGreaterThan(0.9);
		expect(guessLanguage(ENGLISH).indonesianShare).toBeLessThan(0.1);
		const mixed = guessLanguage(`${INDONESIAN} ${ENGLISH}`).indonesianShare;
		expect(mixed).toBeGreaterThan(0.3);
		expect(mixed).toBeLessThan(0.7);
	});

	it('says 0.5 and no coverage when there is no evidence at all', () => {
		expect(guessLanguage('')).toEqual({
			verdict: 'unsure',
			indonesianShare: 0.5,
			words: 0,
			coverage: 0
		});
	});

	it('counts words and the share of them that told something', () => {
		const guess = guessLanguage('Dia sudah pulang ke rumah.');
		expect(guess.words).toBe(5);
		expect(guess.coverage).toBe(0.6);
	});

	it('reads a short but clear sentence', () => {
		expect(guessLanguage('Dia sudah pulang ke rumah.').verdict).toBe('indonesian');
		expect(guessLanguage('She has gone back home.').verdict).toBe('english');
	});

	it('counts affixed words as Indonesian evidence even without function words', () => {
		const guess = guessLanguage(
			'Pembangunan, pendidikan, kesehatan, perdagangan, diselenggarakan, memperkenalkan.'
		);
		expect(guess.verdict).toBe('indonesian');
		expect(guess.indonesianShare).toBe(1);
	});

	it('stops reading after 20,000 words, however long the text', () => {
		const long = `${INDONESIAN} `.repeat(3000);
		const guess = guessLanguage(long);
		expect(guess.words).toBe(20_000);
		expect(guess.verdict).toBe('indonesian');
	});
});
