// A heavy learner's history for the benchmarks (bench-backup.js, bench-sync.js).
import { randomUUID } from 'node:crypto';
import { crc32, gzipSync } from 'node:zlib';

/** A format-2 backup as the app writes one: a header, settings, answers, card states, an end line with counts and CRC-32. */
export function makeBackup(N, cardIds) {
	const now = Date.now();
	const DAY = 86_400_000;
	const days = 3 * 365;
	const start = now - days * DAY;
	// Three years of daily study in sessions, as people study: one a day up to 60 answers, two up to 300, else
	// three (morning, lunch, evening), an answer every 8 s. (Answers spread evenly over every hour of three
	// years would fill every quarter-hour's running total: 105,120 of them, not a learner's history.)
	const perDay = Math.ceil(N / days);
	const sessions = perDay > 300 ? 3 : perDay > 60 ? 2 : 1;
	const perSession = Math.ceil(perDay / sessions);
	const timeOf = (j) => {
		const day = Math.floor(j / perDay);
		const k = j % perDay;
		const session = Math.floor(k / perSession);
		return start + day * DAY + [7.5, 12.5, 19.5][session] * 3_600_000 + (k % perSession) * 8000;
	};
	const last = new Map();
	const count = new Map();
	const chunks = [];
	let crc = 0;
	let pending = [];
	const flush = () => {
		const buf = Buffer.from(pending.join(''));
		crc = crc32(buf, crc);
		chunks.push(buf);
		pending = [];
	};
	const line = (o) => {
		pending.push(`${JSON.stringify(o)}\n`);
		if (pending.length >= 10_000) flush();
	};
	line({ format: 'roadmap-recall-backup', formatVersion: 2, appVersion: 'bench', exportedAt: now, device: randomUUID() });
	line({
		settings: {
			retention: 0.9,
			maxInterval: 36500,
			fuzz: true,
			learningSteps: ['1m', '10m'],
			relearningSteps: ['10m'],
			newPerDay: 20,
			reviewsPerDay: 200,
			dayStartHour: 4,
			leechThreshold: 8,
			learnAheadMinutes: 20,
			theme: 'system'
		}
	});
	for (let j = 0; j < N; j++) {
		const card_id = cardIds[j % cardIds.length];
		const review = timeOf(j);
		line({
			review: {
				id: randomUUID(),
				card_id,
				rating: j % 7 === 0 ? 1 : 3,
				review,
				duration: 3000 + (j % 5000),
				state: 2,
				due: review,
				stability: 10 + (j % 300) / 7,
				difficulty: 5 + (j % 40) / 13,
				elapsed_days: j % 30,
				last_elapsed_days: j % 29,
				scheduled_days: j % 31,
				learning_steps: 0
			}
		});
		last.set(card_id, review);
		count.set(card_id, (count.get(card_id) ?? 0) + 1);
	}
	const cards = [];
	for (const [card_id, reps] of count) {
		const c = {
			card_id,
			due: last.get(card_id) + 20 * 86_400_000,
			stability: 20.5,
			difficulty: 5.25,
			elapsed_days: 3,
			scheduled_days: 20,
			learning_steps: 0,
			reps,
			lapses: Math.floor(reps / 7),
			state: 2,
			last_review: last.get(card_id)
		};
		cards.push(c);
		line({ card: c });
	}
	flush();
	const end = Buffer.from(
		`${JSON.stringify({ end: { reviews: N, practice: 0, cards: cards.length, marks: 0, checksum: (crc >>> 0).toString(16).padStart(8, '0') } })}\n`
	);
	return { file: gzipSync(Buffer.concat([...chunks, end])), cards };
}
