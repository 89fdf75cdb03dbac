import { appDb } from '$lib/data/client';
import { startOfDay } from '$lib/srs/day';
import { readStreak } from '$lib/study/progress';

/**
 * The day streak for a session's end. It is read in the background a
 * moment after the first card, as it stood when the session began: the end
 * of the session then need not read the running totals again (a three-year
 * streak is every day of them), and only adds today if this session gave
 * today its first answer.
 */
export class SessionStreak {
	#before: ReturnType<typeof readStreak> | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;

	/** Reads the streak a second from now, once per session. */
	soon(dayStartHour: number): void {
		if (this.#before || this.#timer) return;
		this.#timer = setTimeout(() => {
			this.#before = appDb().then((db) => readStreak(db, Date.now(), dayStartHour));
			this.#before.catch(() => (this.#before = undefined));
		}, 1000);
	}

	/** The streak now; read again if it was not read yet or a new day began meanwhile. */
	async now(now: number, dayStartHour: number, answeredNow: boolean): Promise<number> {
		clearTimeout(this.#timer);
		const before = await this.#before?.catch(() => undefined);
		if (before && before.day === startOfDay(now, dayStartHour)) return before.streak + (!before.answeredToday && answeredNow ? 1 : 0);
		return (await readStreak(await appDb(), now, dayStartHour)).streak;
	}

	stop(): void {
		clearTimeout(this.#timer);
	}
}
