// The readings of what a learner typed: the ways it may be read that keep
// its meaning. Each drops only what says nothing the answer does not: an
// article, a word naming the kind of thing the answer is, the command or
// vendor the prompt already names, a qualifier before a name.
import { categoryWords, GENERIC_WORDS, isFlag, NEGATIONS, plain, promptWords, VENDORS } from './typed-forms';

export interface Reading {
	text: string;
	/**
	 * A word was dropped that the prompt does not imply: fine before or after
	 * a name (`hexagonal architecture`), not after a number, where the word
	 * is a unit (`128 bytes` for 128 bits).
	 */
	generic: boolean;
}

/** At most this many readings of what was typed are tried. */
const MAX_READINGS = 64;

/** A qualified name: `Model.objects.bulk_create()`, `jobs.<job_id>.runs-on`, `std::vector`. */
const QUALIFIED = /^[A-Za-z_$<][\w$<>-]*(?:(?:\.|::|#|->)[A-Za-z_$<][\w$<>-]*)+$/;

/**
 * Every reading of what was typed that may be compared: as typed; without a
 * leading article; without a category word before or after (one the prompt
 * implies, or a generic one); without words the prompt says before or after
 * the answer (its command before a flag); without a vendor's name; the tails
 * of a qualified name, a call without its arguments, a name and its
 * abbreviation in brackets.
 */
export function readings(typed: string, prompt: string): Reading[] {
	const implied = categoryWords(prompt);
	const said = promptWords(prompt);
	const out = new Map<string, Reading>();
	const queue: Reading[] = [];
	const add = (text: string, generic: boolean) => {
		const t = text.trim();
		const seen = out.get(t);
		if (t === '' || (seen && (!seen.generic || generic)) || out.size >= MAX_READINGS) return;
		const reading = { text: t, generic };
		out.set(t, reading);
		queue.push(reading);
	};
	add(plain(typed), false);
	const droppable = (t: string) => !NEGATIONS.has(t) && !isFlag(t) && said.has(t.replace(/[:=]$/, ''));
	while (queue.length > 0) {
		const { text: s, generic } = queue.shift()!;
		const lower = s.toLowerCase();
		add(s.replace(/^(the|a|an) /i, ''), generic);
		for (const [words, isGeneric] of [
			[implied, false],
			[GENERIC_WORDS, true]
		] as const) {
			for (const word of words) {
				for (const sep of [' ', '/', ':']) if (lower.startsWith(`${word}${sep}`)) add(s.slice(word.length + 1), generic || isGeneric);
				for (const sep of [' ', '/', '-']) if (lower.endsWith(`${sep}${word}`)) add(s.slice(0, s.length - word.length - 1), generic || isGeneric);
			}
		}
		const tokens = s.split(' ');
		for (let k = 1; k <= Math.min(3, tokens.length - 1); k++) {
			if (!tokens.slice(0, k).every((t) => droppable(t.toLowerCase()))) break;
			add(tokens.slice(k).join(' '), generic);
		}
		if (tokens.length > 1 && VENDORS.has(tokens[0]!.toLowerCase())) add(tokens.slice(1).join(' '), generic);
		// `HTTP 410`, `HTTP/1.1 410`: a status code with its protocol named.
		if (/^https?(\/[\d.]+)? \d{3}$/i.test(s)) add(s.split(' ')[1]!, generic);
		// `scope=openid`, `:9090`: a value after the name the prompt gives it, a port after its colon.
		const assigned = /^([\w.-]+)=(\S+)$/.exec(s);
		if (assigned && said.has(assigned[1]!.toLowerCase())) add(assigned[2]!, generic);
		// `max.poll.interval.ms=300000`: a setting named with a value given.
		if (assigned) add(assigned[1]!, generic);
		if (/^:\d+$/.test(s)) add(s.slice(1), generic);
		// `/usr/sbin/nginx -t`, `./bin/rails routes`: a command by its path.
		if (tokens.length > 1 && /^\.{0,2}\/?(?:[\w.-]+\/)+\w[\w.-]*$/.test(tokens[0]!)) add([tokens[0]!.split('/').pop(), ...tokens.slice(1)].join(' '), generic);
		// `src/main/resources/application.properties`: a file by its name.
		if (tokens.length === 1 && /^[\w.~-]*\/(?:[\w.-]+\/)*\w[\w.-]*$/.test(s)) add(s.split('/').pop()!, generic);
		// `<VirtualHost>`: a tag by its name.
		add(s.replace(/^<([A-Za-z][\w-]*)>$/, '$1'), generic);
		// `@locust.task`, `includes(:author)`, `AddSingleton<A, B>()`, `jakarta.persistence.*`: a name as code writes it.
		add(s.replace(/^([A-Za-z_$][\w$.]*)<.+>\(\)$/, '$1'), generic);
		add(s.replace(/^@(?=[A-Za-z_])/, ''), generic);
		add(s.replace(/^([A-Za-z_$][\w$.]*)\(.+\)$/, '$1'), generic);
		add(s.replace(/\.\*$/, ''), generic);
		if (QUALIFIED.test(s.replace(/\(\)$/, ''))) {
			const parts = s.replace(/\(\)$/, '').split(/\.|::|#|->/);
			for (let i = 1; i < parts.length; i++) add(parts.slice(i).join('.'), generic);
		}
		// `JSON Web Key Set (JWKS)`: the name, and its abbreviation.
		const bracketed = /^(.+?)\s*\(([^()]+)\)$/.exec(s);
		if (bracketed && /\s/.test(bracketed[1]!)) {
			add(bracketed[1]!, generic);
			add(bracketed[2]!, generic);
		}
	}
	return [...out.values()];
}
