import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { loadDecks } from '$lib/decks/read.server';
import type { Card, DeckData, DeckFile } from '$lib/decks/types';
import { deckCardId, toAnkiTsv, toDeckYaml, type ExportCard } from './own-export';

const source = { file: '000_c49236ff270dceac.txt', heading: '1) HTTP' } as Card['source'];
const HEADERS = ['#separator:tab', '#html:true', '#columns:Front\tBack\tTags', '#tags column:3'];

/** The note lines of an Anki file, each split into its fields. */
const notes = (tsv: string) =>
	tsv
		.split('\n')
		.slice(HEADERS.length, -1)
		.map((line) => line.split('\t'));

describe('toAnkiTsv', () => {
	const cards: ExportCard[] = [
		{
			section: 'http',
			card: {
				id: 'mine-a',
				kind: 'flashcard',
				topic: 'methods',
				prompt: 'Why is `PUT` idempotent?',
				answer: 'It **replaces** the resource.',
				explanation: 'A repeat leaves the same state.',
				source
			}
		},
		{
			section: 'http',
			card: {
				id: 'mine-b',
				kind: 'choice',
				prompt: 'Which code means created?',
				answer: '201 Created',
				distractors: ['200 OK', '204 No Content'],
				explanation: 'It names a new resource.',
				source
			}
		},
		{
			section: 'rest',
			card: {
				id: 'mine-c',
				kind: 'multi',
				topic: 'verbs',
				prompt: 'Which are safe?',
				correct: ['GET', 'HEAD'],
				incorrect: ['POST'],
				explanation: 'They change nothing.',
				source
			}
		},
		{
			section: 'http',
			card: {
				id: 'mine-d',
				kind: 'typed',
				prompt: 'Default HTTPS port?',
				answer: '443',
				accept: ['tcp/443', 'port 443'],
				explanation: 'It is registered for TLS.',
				source
			}
		},
		{
			section: 'http',
			card: {
				id: 'mine-e',
				kind: 'order',
				prompt: 'Put the handshake in order.',
				steps: ['SYN', 'SYN-ACK', 'ACK'],
				explanation: 'Each side confirms the other.',
				source
			}
		}
	];
	const titles = { http: 'HTTP: messages & methods', rest: 'REST' };

	it('starts with the header lines Anki reads and has one line of three fields per card', () => {
		const tsv = toAnkiTsv(cards, titles);
		expect(tsv.split('\n').slice(0, HEADERS.length)).toEqual(HEADERS);
		expect(tsv.endsWith('\n')).toBe(true);
		const rows = notes(tsv);
		expect(rows).toHaveLength(cards.length);
		for (const row of rows) expect(row).toHaveLength(3);
	});

	it('escapes a field holding markup, a tab and a newline, keeping every card on its line', () => {
		const card: Card = {
			id: 'mine-x',
			kind: 'flashcard',
			prompt: '# Is <script>alert("x")</script> run?\tReally?\nOr `<b>` & **this**?',
			answer: 'No:\r\nit is text.',
			explanation: 'Tabs\tand "quotes" stay inside.',
			source
		};
		const tsv = toAnkiTsv([{ section: 'http', card }], {});
		const [row] = notes(tsv);
		expect(tsv.split('\n')).toHaveLength(HEADERS.length + 2);
		expect(row).toEqual([
			'&#35; Is &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; run? Really?<br>Or <code>&lt;b&gt;</code> &amp; <b>this</b>?',
			'No:<br>it is text.<br><br>Tabs and &quot;quotes&quot; stay inside.',
			'roadmap-recall http'
		]);
		// The only tags are the ones the export writes.
		expect(row?.join('\t').replace(/<\/?(code|b|br)>/g, '')).not.toMatch(/[<>"]/);
	});

	it('tags each card with the app, its section and its topic', () => {
		const rows = notes(toAnkiTsv(cards, titles));
		expect(rows.map((r) => r[2])).toEqual([
			'roadmap-recall http methods',
			'roadmap-recall http',
			'roadmap-recall rest verbs',
			'roadmap-recall http',
			'roadmap-recall http'
		]);
		const spaced: Card = { ...cards[0]!.card, topic: 'two words' };
		expect(notes(toAnkiTsv([{ section: 'http', card: spaced }], {}))[0]?.[2]).toBe('roadmap-recall http two-words');
	});

	it('shows each kind as a question and its answer, options listed alphabetically and the explanation after the answer', () => {
		const [flash, choice, multi, typed, order] = notes(toAnkiTsv(cards, titles));
		expect(flash).toEqual([
			'<small>HTTP: messages &amp; methods</small><br>Why is <code>PUT</code> idempotent?',
			'It <b>replaces</b> the resource.<br><br>A repeat leaves the same state.',
			'roadmap-recall http methods'
		]);
		expect(choice?.[0]).toBe(
			'<small>HTTP: messages &amp; methods</small><br>Which code means created?<ul><li>200 OK</li><li>201 Created</li><li>204 No Content</li></ul>'
		);
		expect(choice?.[1]).toBe('201 Created<br><br>It names a new resource.');
		expect(multi?.[0]).toBe('<small>REST</small><br>Which are safe?<br><i>(choose all that apply)</i><ul><li>GET</li><li>HEAD</li><li>POST</li></ul>');
		expect(multi?.[1]).toBe('<ul><li>GET</li><li>HEAD</li></ul><br><br>They change nothing.');
		expect(typed?.[1]).toBe('443<br>Also accepted: tcp/443, port 443<br><br>It is registered for TLS.');
		expect(order?.[0]).toBe('<small>HTTP: messages &amp; methods</small><br>Put the handshake in order.<ul><li>ACK</li><li>SYN</li><li>SYN-ACK</li></ul>');
		expect(order?.[1]).toBe('<ol><li>SYN</li><li>SYN-ACK</li><li>ACK</li></ol><br><br>Each side confirms the other.');
	});
});

/** `decks/http.yaml` as the app receives it: with a `version`, and `near` on its typed cards. */
function shippedHttp(): { file: DeckFile; deck: DeckData } {
	const file = parse(readFileSync(resolve('decks/http.yaml'), 'utf8')) as DeckFile;
	const cards = file.cards.map((c) => (c.kind === 'typed' ? { ...c, near: ['nearby'] } : c));
	return { file, deck: { ...file, cards, version: 'x' } };
}

/** Three cards a learner might write in the http section, each meant to pass every check a deck card must. */
const OWN: ExportCard[] = [
	{
		section: 'http',
		card: {
			id: 'mine-6f1c2a9e-3b7d-4e21-9a0c-5d8e7f6a1b23',
			kind: 'typed',
			topic: 'headers',
			prompt: 'Which response header makes a browser save the body as a file under a suggested name instead of showing it?',
			answer: 'Content-Disposition',
			exact: true,
			exactReason: 'a header field has one registered name',
			explanation:
				'`Content-Disposition: attachment; filename="report.pdf"` asks for a download under that name. Without it, a browser displays any type it can render, such as PDFs and images.',
			source
		}
	},
	{
		section: 'http',
		card: {
			id: 'mine-0a4b8c2d-1e3f-4a5b-8c7d-9e0f1a2b3c4d',
			kind: 'choice',
			topic: 'methods',
			prompt: 'Which method asks the server to echo the request back exactly as it received it?',
			answer: '`TRACE`',
			distractors: ['`OPTIONS`', '`HEAD`', '`CONNECT`'],
			explanation:
				'`TRACE` returns the request as the server saw it, which shows what proxies on the way changed. Servers usually disable it, since echoing headers once let scripts read `HttpOnly` cookies.',
			source
		}
	},
	{
		section: 'http',
		card: {
			id: 'mine-9d8c7b6a-5f4e-4d3c-b2a1-0f9e8d7c6b5a',
			kind: 'order',
			topic: 'messages',
			prompt: 'Put the parts of a body sent with `Transfer-Encoding: chunked` in order.',
			steps: [
				'The first chunk size in hexadecimal, then CRLF',
				"The first chunk's bytes, then CRLF",
				'Further chunks, each after its size line',
				'A last chunk of size zero',
				'Optional trailer fields, then an empty line'
			],
			explanation:
				'Each chunk announces its own length, so a sender can stream a body whose total size it does not know yet. The zero-size chunk tells the receiver the body is complete.',
			source
		}
	}
];

/** The checker `npm run decks:check` and the build run (loadDecks), over the real decks with `http.yaml` replaced. */
function checkAsDeckFile(yaml: string) {
	const root = mkdtempSync(join(tmpdir(), 'own-export-'));
	try {
		cpSync(resolve('decks'), join(root, 'decks'), { recursive: true });
		writeFileSync(join(root, 'decks/http.yaml'), yaml);
		// loadDecks looks for the seed articles beside the project it checks; these are beside this one.
		vi.stubEnv('SEEDS_DIR', process.env.SEEDS_DIR ?? resolve('../shared/seeds'));
		return loadDecks(root);
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

describe('toDeckYaml', () => {
	afterEach(() => {
		vi.unstubAllEnvs();
	});

	it("reads back as the deck file plus the learner's cards, without the shipped deck's version and near", () => {
		const { file, deck } = shippedHttp();
		const yaml = toDeckYaml(deck, [...OWN, { section: 'rest', card: { ...OWN[0]!.card, id: 'mine-elsewhere' } }]);
		expect(yaml.split('\n')[0]).toBe('# http: 3 cards written by a learner are at the end (ids starting http-mine-)');
		expect(parse(yaml)).toEqual({ ...file, cards: [...file.cards, ...OWN.map(({ card }) => ({ ...card, id: `http-${card.id}` }))] });
		expect(yaml).not.toMatch(/^version:|^\s+near:/m);
		expect(yaml).toContain('\n  - id: "http-mine-6f1c2a9e-3b7d-4e21-9a0c-5d8e7f6a1b23"\n    kind: "typed"\n');
	});

	it('keeps any text exactly, whatever characters it holds', () => {
		const { deck: full } = shippedHttp();
		// One card of the deck is enough here, and keeps the 200 runs quick.
		const deck = { ...full, cards: full.cards.slice(0, 1) };
		const base = OWN[1]!.card;
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 4 }), (prompt, distractors) => {
				const card = { ...base, prompt, distractors } as Card;
				const read = parse(toDeckYaml(deck, [{ section: 'http', card }])) as DeckFile;
				expect(read.cards.at(-1)).toEqual({ ...card, id: deckCardId('http', card.id) });
			}),
			{ numRuns: 200 }
		);
		const awkward = 'a: b # c\n- d\t"e" \\ f \u0085\u2028\u007f\ufeff ' + "'g' {h} [i] &j *k !l %m @n `o` |p >q";
		const read = parse(toDeckYaml(deck, [{ section: 'http', card: { ...base, prompt: awkward } }])) as DeckFile;
		expect(read.cards.at(-1)?.prompt).toBe(awkward);
	});

	// Reading and checking every deck takes a second or two.
	it('passes every check of the deck checker as decks/http.yaml, beside the real decks', { timeout: 60_000 }, () => {
		const { deck } = shippedHttp();
		const { errors, decks, seedsChecked } = checkAsDeckFile(toDeckYaml(deck, OWN));
		expect(errors).toEqual([]);
		// With the seed articles beside the project, each card's source heading was found in its article too.
		expect(seedsChecked).toBe(existsSync(process.env.SEEDS_DIR ?? resolve('../shared/seeds')));
		const http = decks.find((d) => d.id === 'http');
		expect(http?.cards.slice(-OWN.length).map((c) => c.id)).toEqual(OWN.map(({ card }) => `http-${card.id}`));
	});

	it('fails the deck checker, naming the card, when an own card is malformed', { timeout: 60_000 }, () => {
		const { deck } = shippedHttp();
		const bad: ExportCard = { section: 'http', card: { ...OWN[0]!.card, id: 'mine-1b2c3d4e-0000-4000-8000-000000000000', prompt: '' } };
		const { errors } = checkAsDeckFile(toDeckYaml(deck, [...OWN, bad]));
		expect(errors).toEqual(['decks/http.yaml: card http-mine-1b2c3d4e-0000-4000-8000-000000000000: field "prompt": must not be empty']);
	});
});
