import { expect, it } from 'vitest';
import { formatCount } from './count';

it.each([
	[0, '0'],
	[7, '7'],
	[999, '999'],
	[1000, '1,000'],
	[12345, '12,345'],
	[1234567, '1,234,567'],
	[-4500, '-4,500'],
	[1999.6, '2,000']
])('formatCount(%d) = %s', (n, text) => {
	expect(formatCount(n)).toBe(text);
	if (Number.isInteger(n)) expect(formatCount(n)).toBe(n.toLocaleString('en'));
});
