// Counts as the analyse page writes them, with thousands separators.

/**
 * A whole number with commas between thousands, formatted by hand: the first use of
 * `toLocaleString`/`Intl.NumberFormat` loads locale data, one task of 100 ms or more on a slow phone.
 * @example formatCount(1234567) → '1,234,567'
 */
export function formatCount(n: number): string {
	const digits = String(Math.round(Math.abs(n)));
	return (n < 0 ? '-' : '') + digits.replace(/\B(?=(\d{3})+$)/g, ',');
}
