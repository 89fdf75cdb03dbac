let table: Uint32Array | undefined;

/** CRC-32 (IEEE) of a string's UTF-8 bytes, as 8 hex digits: a checksum that works in any context, secure or not. */
export function crc32(text: string): string {
	if (!table) {
		table = new Uint32Array(256);
		for (let n = 0; n < 256; n++) {
			let c = n;
			for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
			table[n] = c >>> 0;
		}
	}
	let crc = 0xffffffff;
	for (const byte of new TextEncoder().encode(text)) crc = (table[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
	return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}
