// The forms in which a typed answer and a deck's answer are compared: what
// carries no meaning is dropped (case outside flags, spaces, hyphens between
// words, punctuation, a small number written as a word), what does is kept
// (digits, a flag's case, the dots and colons of code).

/** Backticks and surrounding spaces go; inner runs of spaces become one. */
export const plain = (s: string) => s.replaceAll('`', '').trim().replace(/\s+/g, ' ');

/** A command-line flag: `-d`, `--append`. */
export const isFlag = (token: string) => /^--?[A-Za-z]/.test(token);

const NUMBER_WORDS = 'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(' ');

/** Small numbers written as words become digits (`three` is `3`), outside flags and code. */
export function digits(s: string): string {
	return s
		.split(' ')
		.map((token) => (isFlag(token) || /[._/]/.test(token) ? token : token.replace(/[A-Za-z]+/g, (w) => {
			const n = NUMBER_WORDS.indexOf(w.toLowerCase());
			return n < 0 ? w : String(n);
		})))
		.join(' ');
}

/**
 * The form two answers are compared in. Case goes, except in flags (`-d`
 * and `-D` differ); hyphens inside words, spaces and punctuation between
 * words go (`fan-out` is `fanout`); a flag's leading dash, digits and the
 * characters code is made of (`.`, `/`, `:` inside a token) stay.
 */
export function looseKey(s: string): string {
	return plain(s)
		.split(' ')
		.map((token) => (isFlag(token) ? token : token.toLowerCase()))
		.join(' ')
		.replace(/(?<=\w)-(?=\w)/g, '') // fan-out → fanout, but not -d
		.replace(/[,;!?'"“”‘’()[\]{}]/g, ' ')
		.replace(/(?<!\w)[.:](?!\w)|[.:]$/g, ' ') // sentence punctuation, not 1.1 or a:b
		.replace(/\s+/g, '');
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

/** Other words that imply a category: a port may be typed as `5432/tcp`, a method as a verb. */
const IMPLIED_BY: Record<string, string[]> = { tcp: ['port', 'tcp'], udp: ['port', 'udp'], verb: ['method', 'verb'], code: ['status', 'code'], 'status code': ['status'] };

/** The prompt's words, lower-cased, with code marks and punctuation gone. */
export const promptWords = (prompt: string) => new Set(prompt.toLowerCase().replaceAll('`', ' ').split(/[^a-z0-9_./+#-]+/).map((w) => w.replace(/^[./-]+|[./?-]+$/g, '')).filter(Boolean));

const mentions = (words: ReadonlySet<string>, word: string) => {
	const parts = word.split(' ');
	return parts.every((p) => words.has(p) || plurals(p).some((x) => words.has(x)));
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
		const singular = w.replace(/ies$/, 'y').replace(/(ch|sh|x|s)es$/, '$1').replace(/s$/, '');
		if (singular.length > 1) found.add(singular);
	}
	return [...found].flatMap((w) => [w, ...plurals(w)]).sort((a, b) => b.length - a.length);
}

/** Words that reverse or qualify a meaning: never dropped from what was typed. */
export const NEGATIONS = new Set(['not', 'no', 'never', 'without', 'except', 'non', "don't", 'dont', 'neither', 'nor']);
