/**
 * A deck title is "Short name: topic, topic, …". Headings show the short
 * name, with the topics under it, so a long title never wraps to eight lines
 * on a phone.
 */
export function splitTitle(title: string): { name: string; topics: string } {
	const at = title.indexOf(':');
	if (at < 0) return { name: title.trim(), topics: '' };
	return { name: title.slice(0, at).trim(), topics: title.slice(at + 1).trim() };
}

/** A prompt short enough to name a card in a message. */
export function shortPrompt(prompt: string): string {
	const p = prompt.replaceAll('`', '').replace(/\s+/g, ' ').trim();
	return p.length > 60 ? `${p.slice(0, 57).trimEnd()}…` : p;
}
