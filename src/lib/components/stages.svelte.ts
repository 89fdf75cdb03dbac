/**
 * Builds a long page in steps, one task each: `step` counts up from 0 to
 * `last`, and the page shows its parts as their step comes. No single task
 * then builds the whole page (a slow phone stays responsive: Lighthouse's
 * Total Blocking Time), and the top of the page paints first. The parts all
 * come within a few frames; `done` says when the last one is on the page
 * (pages mark themselves aria-busy until then).
 */
/** Resolves in a new task, so the browser can paint and handle input before the work goes on. */
export function nextTask(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}

export class Stages {
	step = $state(0);
	readonly last: number;

	constructor(last: number) {
		this.last = last;
	}

	get done(): boolean {
		return this.step >= this.last;
	}

	/** Shows the parts from the first again, step by step. */
	async run(): Promise<void> {
		this.step = 0;
		for (let s = 1; s <= this.last; s++) {
			await nextTask();
			this.step = s;
		}
	}
}
