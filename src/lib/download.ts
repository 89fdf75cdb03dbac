/** Saves `blob` as a file named `name`, as the browser's own download does. */
export function download(name: string, blob: Blob): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Today's date in a saved file's name, as the learner's own calendar has it:
 * roadmap-recall-backup-2026-12-07.json.gz. A backup saved at half past
 * midnight in Berlin, or in the evening in California, is named for that
 * day, not for the date in UTC.
 */
export function fileDate(now = new Date()): string {
	const two = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
