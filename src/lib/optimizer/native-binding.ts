// The native build of fsrs-rs through napi (@open-spaced-repetition/binding's
// Linux x64 package), for the tests that cross-check the optimizer the app
// runs as WebAssembly. Test-only: the app never imports it. The package is
// an optional dependency because npm publishes only its Linux x64 build at
// 0.5.0 (the umbrella package names builds for other platforms that do not
// exist, which breaks `npm ci`); on Linux x64, as our machines and CI are,
// `npm ci` installs it.
import { createRequire } from 'node:module';

export interface NativeOptimizer {
	computeParameters(items: unknown[], options: { enableShortTerm: boolean }): Promise<number[]>;
	FSRSBindingItem: new (reviews: unknown[]) => unknown;
	FSRSBindingReview: new (rating: number, deltaT: number) => unknown;
}

export function nativeOptimizer(): NativeOptimizer {
	try {
		return createRequire(import.meta.url)('@open-spaced-repetition/binding-linux-x64-gnu') as NativeOptimizer;
	} catch (e) {
		throw new Error(
			`The native FSRS optimizer (@open-spaced-repetition/binding-linux-x64-gnu) could not be loaded: it is built for Linux x64 only, where npm ci installs it. Run the tests there. (${e instanceof Error ? e.message : String(e)})`,
			{ cause: e }
		);
	}
}

/** Trains the native optimizer on items of rating and day-gap pairs. */
export async function trainNative(items: readonly { reviews: readonly { rating: number; delta_t: number }[] }[]): Promise<number[]> {
	const n = nativeOptimizer();
	const native = items.map((it) => new n.FSRSBindingItem(it.reviews.map((r) => new n.FSRSBindingReview(r.rating, r.delta_t))));
	return [...(await n.computeParameters(native, { enableShortTerm: true }))];
}
