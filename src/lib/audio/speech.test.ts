import { describe, expect, it } from 'vitest';
import { indonesianVoice } from './speech';

describe('indonesianVoice', () => {
	it('prefers id-ID, takes any Indonesian voice, and never another language', () => {
		expect(indonesianVoice([{ lang: 'en-US' }, { lang: 'id' }, { lang: 'id-ID' }])).toEqual({
			lang: 'id-ID'
		});
		expect(indonesianVoice([{ lang: 'en-US' }, { lang: 'id_ID' }])).toEqual({ lang: 'id_ID' });
		expect(indonesianVoice([{ lang: 'ms-MY' }, { lang: 'en-GB' }])).toBeUndefined();
		expect(indonesianVoice([])).toBeUndefined();
	});
});
