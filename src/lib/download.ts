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

/** Today's date in a saved file's name: roadmap-recall-backup-2026-12-07.json.gz. */
export const fileDate = (): string => new Date().toISOString().slice(0, 10);
