/**
 * Runs `fn` once the browser has painted what the page shows now: a task
 * queued from the next animation frame runs after that frame's paint. What
 * the learner does not wait for (the session journal, telling the other
 * tabs) goes here, so that the next card reaches the screen first. A hidden
 * page gets no animation frames: a timer runs `fn` then.
 */
export function afterPaint(fn: () => void): void {
	let done = false;
	const run = () => {
		if (done) return;
		done = true;
		fn();
	};
	requestAnimationFrame(() => setTimeout(run, 0));
	setTimeout(run, 250);
}
