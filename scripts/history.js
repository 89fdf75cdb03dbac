// A simulated learner's six weeks as a format-2 backup, for the screenshots of
// what a learner knows (map, stats, readiness, browser) and for trying the
// app by hand: `node scripts/history.js out.json.gz [days]`. The learner
// works through the roadmap in order, 15 new cards a day, answers what is
// due, recalls a card with FSRS's own retrievability (so the statistics
// look like a real learner's) and skips about one day in eight. Every answer
// is scheduled by ts-fsrs with the app's default settings, so the exported
// card states are exactly those its answers lead to.
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { crc32, gzipSync } from 'node:zlib';
import { createEmptyCard, fsrs, generatorParameters, Rating, State } from 'ts-fsrs';

const SETTINGS = {
	retention: 0.9,
	maxInterval: 36500,
	fuzz: true,
	learningSteps: ['1m', '10m'],
	relearningSteps: ['10m'],
	newPerDay: 15,
	reviewsPerDay: 200,
	dayStartHour: 4,
	leechThreshold: 8,
	learnAheadMinutes: 20,
	theme: 'system'
};

/** A repeatable random source (mulberry32), so the pictures do not change at every run. */
function random(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * `cardIds` in roadmap order; `days` of study ending yesterday (local time,
 * relative to `now`). Returns the gzipped backup and its counts.
 */
export function simulateHistory(cardIds, { days = 40, now = Date.now(), seed = 7 } = {}) {
	const rnd = random(seed);
	const f = fsrs(
		generatorParameters({
			request_retention: SETTINGS.retention,
			maximum_interval: SETTINGS.maxInterval,
			enable_fuzz: true,
			enable_short_term: true,
			learning_steps: SETTINGS.learningSteps,
			relearning_steps: SETTINGS.relearningSteps
		})
	);
	const cards = new Map();
	const reviews = [];
	let next = 0;
	const today = new Date(now);
	for (let d = days; d >= 1; d--) {
		if (rnd() < 0.12) continue;
		const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - d, 7 + Math.floor(rnd() * 13), Math.floor(rnd() * 60)).getTime();
		const dayEnd = new Date(today.getFullYear(), today.getMonth(), today.getDate() - d + 1, SETTINGS.dayStartHour).getTime();
		let t = start;
		for (let n = 0; n < SETTINGS.newPerDay && next < cardIds.length; n++) cards.set(cardIds[next++], createEmptyCard(new Date(t)));
		// Answer whatever is due, a card at a time, until nothing is due before the day ends (learning steps included).
		for (let guard = 0; guard < 2000; guard++) {
			let pick;
			for (const [id, c] of cards)
				if (c.due.getTime() <= Math.max(t, c.state === State.Review ? dayEnd : t + 20 * 60_000) && (!pick || c.due < pick[1].due)) pick = [id, c];
			if (!pick) break;
			const [id, card] = pick;
			const at = new Date(Math.max(t, card.due.getTime()));
			const recall = card.state === State.Review ? f.get_retrievability(card, at, false) : card.state === State.New ? 0.75 : 0.88;
			const rating = rnd() >= recall ? Rating.Again : rnd() < 0.1 ? Rating.Hard : rnd() < 0.9 ? Rating.Good : Rating.Easy;
			const { card: after, log } = f.next(card, at, rating);
			const duration = 3000 + Math.floor(rnd() * 12_000);
			reviews.push({
				id: randomUUID(),
				card_id: id,
				rating,
				review: at.getTime(),
				duration,
				state: log.state,
				due: log.due.getTime(),
				stability: log.stability,
				difficulty: log.difficulty,
				elapsed_days: log.elapsed_days,
				last_elapsed_days: log.last_elapsed_days,
				scheduled_days: log.scheduled_days,
				learning_steps: log.learning_steps
			});
			cards.set(id, after);
			t = at.getTime() + duration + 1000;
			if (t >= dayEnd) break;
		}
	}
	reviews.sort((a, b) => a.review - b.review);
	const lines = [
		{ format: 'roadmap-recall-backup', formatVersion: 2, appVersion: 'simulated', exportedAt: now, device: randomUUID() },
		{ settings: SETTINGS },
		...reviews.map((review) => ({ review })),
		...[...cards]
			.filter(([, c]) => c.reps > 0)
			.map(([card_id, c]) => ({
				card: {
					card_id,
					due: c.due.getTime(),
					stability: c.stability,
					difficulty: c.difficulty,
					elapsed_days: c.elapsed_days,
					scheduled_days: c.scheduled_days,
					learning_steps: c.learning_steps,
					reps: c.reps,
					lapses: c.lapses,
					state: c.state,
					last_review: c.last_review ? c.last_review.getTime() : null
				}
			}))
	];
	const body = Buffer.from(lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
	const counts = { reviews: reviews.length, practice: 0, cards: lines.length - 2 - reviews.length, marks: 0 };
	const end = Buffer.from(`${JSON.stringify({ end: { ...counts, checksum: (crc32(body) >>> 0).toString(16).padStart(8, '0') } })}\n`);
	return { file: gzipSync(Buffer.concat([body, end])), counts };
}

if (process.argv[1]?.endsWith('history.js') && process.argv[2]) {
	const index = JSON.parse(readFileSync('build/decks/index.json', 'utf8'));
	const { file, counts } = simulateHistory(
		index.decks.flatMap((d) => d.cardIds),
		{ days: Number(process.argv[3] ?? 40) }
	);
	writeFileSync(process.argv[2], file);
	console.log(`wrote ${process.argv[2]}: ${counts.reviews} answers over ${counts.cards} cards`);
}
