// The forms in which a typed answer and a deck's answer are compared: what
// carries no meaning is dropped (case outside flags, spaces, hyphens between
// words, punctuation, a small number written as a word), what does is kept
// (digits, a flag's case, the dots and colons of code).

/** Backticks and surrounding spaces go; inner runs of spaces become one. */
export const plain = (s: string) => s.replaceAll('`', '').trim().replace(/\s+/g, ' ');

/** A command-line flag: `-d`, `--append`. */
export const isFlag = (token: string) => /^--?[A-Za-z]/.test(token);

const UNITS = 'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' ');
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const NUMBER = new RegExp(
	`(?<![\\w.-])(?:(${UNITS.slice(1, 10).join('|')}|a) hundred|(${TENS.slice(2).join('|')})(?:[- ](${UNITS.slice(1, 10).join('|')}))?|(${UNITS.join('|')}))(?![\\w.-])`,
	'gi'
);

/** Numbers written as words become digits (`three` is `3`, `forty-three` is `43`), outside flags and code. */
export function digits(s: string): string {
	return s.replace(NUMBER, (_, hundreds?: string, tens?: string, tensUnit?: string, unit?: string) => {
		const n = (w: string | undefined, list: string[]) => (w === undefined ? 0 : list.indexOf(w.toLowerCase()));
		if (hundreds !== undefined) return String(100 * (hundreds.toLowerCase() === 'a' ? 1 : n(hundreds, UNITS)));
		if (tens !== undefined) return String(10 * n(tens, TENS) + n(tensUnit, UNITS));
		return String(n(unit, UNITS));
	});
}

/**
 * The form two answers are compared in. Case goes, except in flags (`-d`
 * and `-D` differ); hyphens inside words, spaces and punctuation between
 * words go (`fan-out` is `fanout`); a flag's leading dash, digits and the
 * characters code is made of (`.`, `/`, `:` inside a token) stay.
 */
export function looseKey(s: string): string {
	const key = plain(s)
		.split(' ')
		.map((token) => (isFlag(token) ? token : token.toLowerCase()))
		.join(' ')
		.replace(/(?<=\w) - (?=\w)/g, '-') // n - 1 is n-1
		// Joiners between words go: fan-out, fan_out and fan out are fanout, Ctrl+R is ctrlr, UTF-8 is utf8;
		// not in arithmetic (n-1, 2i+1) or a flag (-d).
		.replace(/(?<=[a-z])[-_+](?=[a-z])|(?<=[a-z]{2})-(?=\d)|(?<=\d)-(?=[a-z])/g, '')
		.replace(/(?<=[a-z])\/(?=\d)/g, '') // HTTP/2 → http2
		.replace(/\s*(?:%|\bper ?cent)$/, '') // 99.9% is 99.9 percent is 99.9
		.replace(/:\/\/$/, '') // wss:// is wss
		.replace(/(?<=(?:^|\s)--[\w-]+)=/g, ' ') // --max-warnings=0 is --max-warnings 0
		.replace(/[()[\]{}]/g, '') // [::1] is ::1, f() is f
		.replace(/(?<=[A-Za-z0-9])[!?]+(?=\s|$)|[,;'"“”‘’]/g, ' ') // not $? or a lone ?
		.replace(/(?<!\w|^)[.:](?!\w)|(?<=\w)[.:]$/g, ' ') // sentence punctuation, not 1.1, a:b or the shell's leading `.`
		.replace(/\s+/g, '');
	// An answer made only of symbols (`?`, `&&`) is compared as it is.
	return key === '' ? plain(s).replace(/\s+/g, '') : key;
}

/** The key an answer is matched by: `looseKey` after number words become digits. */
export const matchKey = (s: string) => looseKey(digits(plain(s)));

/** A word's plural forms: `replicas`, `indexes`, `proxies`. */
export function plurals(word: string): string[] {
	const out = [`${word}s`, `${word}es`];
	if (/[^aeiou]y$/.test(word)) out.push(`${word.slice(0, -1)}ies`);
	return out;
}

/**
 * Words naming what kind of thing the answer is. When the prompt uses one
 * (`Which port…`, `How many replicas…`), the learner may type it before or
 * after the answer: `port 5432`, `5432 port`, `1 replica`, `Strategy pattern`.
 */
const CATEGORY_WORDS = (
	'status code,isolation level,data structure,port,header,status,code,command,subcommand,method,verb,flag,option,keyword,function,' +
	'protocol,field,directive,file,record,type,replica,node,pattern,algorithm,level,mode,signal,table,index,key,class,object,' +
	'scope,attack,principle,property,attribute,element,tag,operator,statement,clause,hook,annotation,decorator,module,package,' +
	'library,tool,service,queue,setting,parameter,variable,event,strategy,model,layer,resource,value,bit,byte,second,minute,' +
	'hour,day,character,version,register,instance,policy,technique,approach,format,encoding,language,framework,server,database,' +
	'cache,lock,constraint,join,test,metric,collection,document,role,permission,grant,flow,token,cookie,query,mechanism,primitive'
).split(',');

/**
 * Words that name a kind of thing, not a thing: after or before a name they
 * change nothing (`the grpcurl CLI`, `CHECK constraint`, `hexagonal
 * architecture`), whatever the prompt says. Not after a number, where a word
 * is a unit: only the words the prompt implies go there.
 */
export const GENERIC_WORDS = [
	...new Set([
		...CATEGORY_WORDS.filter((w) => !['bit', 'byte', 'second', 'minute', 'hour', 'day', 'character', 'replica', 'node', 'test', 'table', 'key', 'index', 'join', 'lock', 'cache'].includes(w)),
		...'media type,mime type,cli,compiler,utility,program,binary,directory,folder,dir,suffix,prefix,param,claim,extension,api,architecture,stage,connector,exchange,feature,system,engine,store,scheme,sdk,spec,specification,standard,rule,loop,eviction,remote,block,probe,goal,web server,migration,migrations,query language,traversal language,testing,router,query router,process,daemon'.split(',')
	])
].sort((a, b) => b.length - a.length);

/** A vendor named before its product (`Apache Kafka`, `Amazon EBS`), or a runner before a command (`npx eslint`, `sudo nginx -t`). */
export const VENDORS = new Set(['amazon', 'aws', 'google', 'gcp', 'azure', 'microsoft', 'apache', 'oracle', 'ibm', 'hashicorp', 'cncf', 'npx', 'bunx', 'pnpx', 'sudo']);

/** Other words that imply a category: a port may be typed as `5432/tcp`, a method as a verb. */
const IMPLIED_BY: Record<string, string[]> = { tcp: ['port', 'tcp'], udp: ['port', 'udp'], verb: ['method', 'verb'], code: ['status', 'code'], 'status code': ['status'], testing: ['test', 'testing'] };

/** The prompt's words, lower-cased, with code marks and punctuation gone. */
export const promptWords = (prompt: string) => new Set(prompt.toLowerCase().replaceAll('`', ' ').split(/[^a-z0-9_./+#-]+/).map((w) => w.replace(/^[./-]+|[./?-]+$/g, '')).filter(Boolean));

const mentions = (words: ReadonlySet<string>, word: string) => {
	const parts = word.split(' ');
	return parts.every((p) => words.has(p) || plurals(p).some((x) => words.has(x)));
};

/** Units as they are written short: `43 min`, `72 B`, `30 s`. */
const ABBREVIATIONS: Record<string, string[]> = {
	minute: ['min', 'mins'],
	second: ['s', 'sec', 'secs'],
	millisecond: ['ms'],
	hour: ['h', 'hr', 'hrs'],
	byte: ['b'],
	kilobyte: ['kb', 'kib'],
	megabyte: ['mb', 'mib'],
	parameter: ['param', 'params'],
	directory: ['dir']
};

/** The category words a prompt implies, each with its plurals: longest first. */
export function categoryWords(prompt: string): string[] {
	const words = promptWords(prompt);
	const found = new Set<string>();
	for (const word of [...CATEGORY_WORDS, ...Object.keys(IMPLIED_BY)]) {
		if ((IMPLIED_BY[word] ?? [word]).some((w) => mentions(words, w))) found.add(word);
	}
	// "How many replicas…": the counted noun, whatever it is.
	const many = /how many ((?:[a-z-]+ ){0,2}[a-z-]+)/i.exec(prompt.replaceAll('`', ''));
	for (const w of many?.[1]?.toLowerCase().split(' ') ?? []) {
		const singular = /ies$/.test(w) ? w.replace(/ies$/, 'y') : /(ch|sh|x|ss)es$/.test(w) ? w.slice(0, -2) : w.replace(/s$/, '');
		if (singular.length > 1) found.add(singular);
	}
	return [...found].flatMap((w) => [w, ...plurals(w), ...(ABBREVIATIONS[w] ?? [])]).sort((a, b) => b.length - a.length);
}

/** Words that reverse or qualify a meaning: never dropped from what was typed. */
export const NEGATIONS = new Set(['not', 'no', 'never', 'without', 'except', 'non', "don't", 'dont', 'neither', 'nor']);

/** From this many letters and digits in the answer, one typo is forgiven as "almost". */
export const TYPO_MIN_LENGTH = 6;

/** An answer code is made of: a flag, a digit, an operator or bracket, or the prompt asks for a command. */
export function isCodeLike(form: string, prompt: string): boolean {
	return /[\d()*=+$<>|&]|\w\.\w/.test(form) || /(^|\s)--?[A-Za-z]/.test(plain(form)) || /\bcommand\b/i.test(prompt);
}

/** Whether a typo may be forgiven: a word answer of some length, with no number, flag, code or command in it. */
export function typoAllowed(form: string, prompt: string): boolean {
	return matchKey(form).replace(/[^a-z0-9]/gi, '').length >= TYPO_MIN_LENGTH && !isCodeLike(form, prompt);
}

