let table: Uint32Array | undefined;

function crcTable(): Uint32Array {
	if (!table) {
		table = new Uint32Array(256);
		for (let n = 0; n < 256; n++) {
			let c = n;
			for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
			table[n] = c >>> 0;
		}
	}
	return table;
}

/** CRC-32 (IEEE) fed a chunk at a time, so a backup of any size is checked as it streams. */
export class Crc32 {
	#crc = 0xffffffff;

	update(bytes: Uint8Array): this {
		const t = crcTable();
		let crc = this.#crc;
		for (let i = 0; i < bytes.length; i++) crc = (t[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8);
		this.#crc = crc;
		return this;
	}

	hex(): string {
		return ((this.#crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
	}
}

/** CRC-32 (IEEE) of a string's UTF-8 bytes, as 8 hex digits: a checksum that works in any context, secure or not. */
export function crc32(text: string): string {
	return new Crc32().update(new TextEncoder().encode(text)).hex();
}
