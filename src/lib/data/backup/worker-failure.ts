// How the import and export workers report a failure to the page: the name
// the browser gave the error (QuotaExceededError, AbortError, …) survives
// the message, so the page can say what happened in words.

export type WorkerFailure = { type: 'failed'; name: string; message: string };

/** The reply a worker posts when its job threw `error`. */
export function failureOf(error: unknown): WorkerFailure {
	return {
		type: 'failed',
		name: error instanceof Error || error instanceof DOMException ? error.name : 'Error',
		message: error instanceof Error ? error.message : String(error)
	};
}

/** A job that failed in its worker, rebuilt on the page with the error's name and message. */
export class StoppedInWorker extends Error {
	constructor({ name, message }: WorkerFailure) {
		super(message);
		this.name = name;
	}
}
