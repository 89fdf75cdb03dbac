import { describe, expect, it } from 'vitest';
import { blobOf } from './blob-parts';

describe('blobOf', () => {
	it('gives every byte of a stream longer than a part, in order', async () => {
		const bytes = new Uint8Array(2.5 * (1 << 20)).map((_, i) => (i * 7919) % 251);
		const chunks = Array.from({ length: Math.ceil(bytes.length / 100_000) }, (_, i) => bytes.slice(i * 100_000, (i + 1) * 100_000));
		const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
			pull(controller) {
				const next = chunks.shift();
				if (next) controller.enqueue(next);
				else controller.close();
			}
		});
		const out = new Uint8Array(await (await blobOf(stream)).arrayBuffer());
		// Compared whole: toEqual goes byte by byte, for seconds.
		expect(Buffer.compare(out, bytes)).toBe(0);
	});

	it('gives an empty Blob for an empty stream', async () => {
		expect((await blobOf(new ReadableStream({ start: (c) => c.close() }))).size).toBe(0);
	});
});
