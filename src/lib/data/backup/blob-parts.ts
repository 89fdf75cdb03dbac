/** How much of the stream is held before it is handed over as one part. */
const PART = 1 << 20;

/**
 * The bytes of `stream` as one Blob, built a part at a time as they come:
 * each part goes to the browser's blob storage (which keeps large ones on
 * disk) and the Blob only refers to the parts, so the caller never holds
 * more than a part of a file of any size. Response.blob() would first read
 * the whole stream into one run of bytes (as the Fetch standard describes it).
 */
export async function blobOf(stream: ReadableStream<Uint8Array<ArrayBuffer>>): Promise<Blob> {
	const reader = stream.getReader();
	const parts: Blob[] = [];
	let chunks: Uint8Array<ArrayBuffer>[] = [];
	let held = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (value) {
			chunks.push(value);
			held += value.length;
		}
		if (done || held >= PART) {
			parts.push(new Blob(chunks));
			chunks = [];
			held = 0;
		}
		if (done) return new Blob(parts);
	}
}
