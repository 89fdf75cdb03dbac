/**
 * A number as English text, grouped by thousands: "1,234,567", "2.5",
 * exactly as `Intl.NumberFormat('en', { maximumFractionDigits })` writes it,
 * but without Intl. A page's first Intl number format loads the locale's
 * data: 70 ms of script at 4x CPU slowdown, the largest single piece of work
 * on opening the home page, for text that is only digits and commas.
 */
export function num(n: number, maximumFractionDigits = 3): string {
	if (!Number.isFinite(n)) return String(n);
	const fixed = Math.abs(n).toFixed(maximumFractionDigits);
	const [whole = '0', fraction = ''] = fixed.split('.');
	const digits = fraction.replace(/0+$/, '');
	// -0.0001 rounds to 0, which Intl writes as "-0": so does this.
	const sign = n < 0 || Object.is(n, -0) ? '-' : '';
	return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${digits ? `.${digits}` : ''}`;
}

/** A size in bytes as megabytes with one decimal: "5.6 MB". */
export function megabytes(bytes: number): string {
	return `${(bytes / 1048576).toFixed(1)} MB`;
}
