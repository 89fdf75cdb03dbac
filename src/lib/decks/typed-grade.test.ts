import { describe, expect, it } from 'vitest';
import { charDiff, editDistance, gradeTyped, looseKey } from './typed-grade';

const card = (prompt: string, answer: string, accept?: string[], near?: string[]) => ({ prompt, answer, accept, near });
const result = (c: ReturnType<typeof card>, typed: string) => gradeTyped(c, typed).result;

describe('typed answers: what is forgiven', () => {
	it('case, surrounding and inner spaces, and code backticks', () => {
		const c = card('Which HTTP method is idempotent and replaces a resource?', '`PUT`');
		expect(result(c, '  put ')).toBe('right');
		expect(result(c, '`Put`')).toBe('right');
	});

	it('hyphens, spaces and punctuation between words: fan-out is fanout', () => {
		const c = card('What is it called when one message goes to many queues?', 'fanout');
		expect(result(c, 'fan-out')).toBe('right');
		expect(result(c, 'Fan out')).toBe('right');
		expect(result(c, 'fanout.')).toBe('right');
		expect(result(card('Which pattern?', 'publish-subscribe'), 'publish/subscribe')).not.toBe('wrong');
	});

	it('a trailing generic word the prompt implies: Sunset header, 5432/tcp', () => {
		expect(result(card('Which response header announces when an endpoint goes away?', 'Sunset'), 'Sunset header')).toBe('right');
		expect(result(card('Which port does PostgreSQL listen on by default?', '5432'), '5432/tcp')).toBe('right');
		expect(result(card('Which port does PostgreSQL listen on by default?', '5432'), '5432 port')).toBe('right');
		expect(result(card('Which status code means Not Found?', '404'), '404 status code')).toBe('right');
		// A leading article too.
		expect(result(card('Which response header announces when an endpoint goes away?', 'Sunset'), 'the Sunset header')).toBe('right');
	});

	it('an accepted form as well as the answer', () => {
		const c = card('Which command shows the commit history?', '`git log`', ['git log --oneline']);
		expect(gradeTyped(c, 'git log --oneline')).toEqual({ result: 'right', expected: 'git log --oneline' });
	});
});

describe('typed answers: what must still match exactly', () => {
	it('flags keep their case: -d is not -D', () => {
		const c = card('Which `git branch` flag deletes a merged branch?', '-d');
		expect(result(c, '-d')).toBe('right');
		expect(result(c, '-D')).toBe('wrong');
		expect(result(c, 'd')).toBe('wrong');
	});

	it('numbers: no typo forgiven, and no generic word the prompt does not imply', () => {
		const c = card('Which port does HTTPS use by default?', '443');
		expect(result(c, '4433')).toBe('wrong');
		expect(result(c, '433')).toBe('wrong');
		expect(result(card('How many bits has an IPv6 address?', '128'), '128 port')).toBe('wrong');
		expect(result(card('What is the default max_connections in PostgreSQL?', '100'), '1000')).toBe('wrong');
	});

	it('command names: no typo forgiven', () => {
		const c = card('Which command lists the files a process has open?', '`lsof`');
		expect(result(c, 'lsoff')).toBe('wrong');
		expect(result(card('Which command replays commits onto another base?', 'rebase'), 'rebsae')).toBe('wrong');
	});

	it('a short answer: no typo forgiven under six letters', () => {
		expect(result(card('Which record maps a name to an IPv6 address?', 'AAAA'), 'AAA')).toBe('wrong');
		expect(result(card('Which HTTP method is safe?', 'GET'), 'GOT')).toBe('wrong');
	});

	it('an empty or blank answer, or a wrong one', () => {
		const c = card('Which data structure gives O(1) average lookups by key?', 'hash table', ['hash map']);
		expect(result(c, '')).toBe('wrong');
		expect(result(c, '   ')).toBe('wrong');
		expect(result(c, 'binary tree')).toBe('wrong');
		// Two typos are not one.
		expect(result(c, 'hsah tabel')).toBe('wrong');
	});
});

describe('typed answers: one typo in a longer answer is "almost"', () => {
	const c = card('Which isolation level prevents phantom reads in the SQL standard?', 'serializable');
	it('one letter wrong, missing, extra or two letters swapped', () => {
		for (const typo of ['serializible', 'serialzable', 'serializabble', 'serailizable']) expect(result(c, typo)).toBe('almost');
	});

	it('says what was expected and where the typed answer differs', () => {
		const v = gradeTyped(c, 'serialzable');
		expect(v.expected).toBe('serializable');
		expect(v.diff).toEqual([
			{ text: 'serial', kind: 'same' },
			{ text: 'i', kind: 'missing' },
			{ text: 'zable', kind: 'same' }
		]);
	});
});

describe('typed answers: a known term is not a typo', () => {
	// `near` is what the build ships with a card: the decks' known terms one typo from its answer.
	const strace = card('Which tool shows the system calls a running process makes?', 'strace', undefined, ['ltrace', 'dtrace', 'ftrace']);
	it('another tool one letter away is wrong, not almost', () => {
		for (const other of ['ltrace', 'dtrace', 'ftrace', 'LTRACE']) expect(result(strace, other)).toBe('wrong');
	});
	it('a misspelling that names nothing is still almost', () => {
		expect(result(strace, 'strase')).toBe('almost');
		expect(result(strace, 'srtace')).toBe('almost');
	});
	it('inside a longer answer, the word that differs is looked up: Amazon EFS is not Amazon EBS', () => {
		const ebs = card('Which AWS service gives an EC2 instance block storage volumes?', 'Amazon EBS', ['Elastic Block Store'], ['efs', 'eks']);
		expect(result(ebs, 'Amazon EFS')).toBe('wrong');
		expect(result(ebs, 'Amazon EKS')).toBe('wrong');
		expect(result(ebs, 'Amazon EBS')).toBe('right');
		expect(result(ebs, 'Elastic Blok Store')).toBe('almost');
	});
});

describe('typed answers: the command before its flag', () => {
	const curl = card('Which `curl` flag prints the request and response headers as it goes?', '-v', ['--verbose']);
	it('the command the prompt names, typed before the flag', () => {
		expect(result(curl, 'curl -v')).toBe('right');
		expect(result(curl, 'curl --verbose')).toBe('right');
		expect(result(card('Which flag makes `git tag` create an annotated tag?', '-a', ['--annotate']), 'git tag -a')).toBe('right');
	});
	it('another command, or the wrong flag after the right command, is still wrong', () => {
		expect(result(curl, 'wget -v')).toBe('wrong');
		expect(result(curl, 'curl -V')).toBe('wrong');
		expect(result(curl, 'curl -i')).toBe('wrong');
	});
	it('the flag alone, when the card expects the command and the prompt names it', () => {
		const tee = card('Which `tee` invocation appends to the file instead of overwriting it?', 'tee -a', ['tee --append']);
		expect(result(tee, '-a')).toBe('right');
		expect(result(tee, '--append')).toBe('right');
		expect(result(tee, '-A')).toBe('wrong');
		// Without the command in the prompt, a bare flag says too little.
		expect(result(card('Which command appends its input to a file and still prints it?', 'tee -a'), '-a')).toBe('wrong');
	});
});

describe('typed answers: the long form of a flag the card lists', () => {
	it('a long flag listed on the card stands for the short one inside a command', () => {
		const c = card('Which command appends its input to a file and still prints it?', '`tee -a`', ['--append']);
		expect(result(c, 'tee --append')).toBe('right');
		expect(result(c, 'tee -a')).toBe('right');
	});
	it('a long form the card does not list is not guessed', () => {
		const c = card('Which command appends its input to a file and still prints it?', '`tee -a`');
		expect(result(c, 'tee --all')).toBe('wrong');
		expect(result(c, 'tee --append')).toBe('wrong');
	});
});

describe('typed answers: qualified names', () => {
	const c = card('Which Django queryset method inserts many rows in one query?', '`bulk_create()`');
	it('a qualified name whose last part is the expected name', () => {
		expect(result(c, 'Model.objects.bulk_create()')).toBe('right');
		expect(result(c, 'objects.bulk_create')).toBe('right');
		expect(result(c, 'bulk_create')).toBe('right');
	});
	it('another last part, or a version number, is not a qualified name', () => {
		expect(result(c, 'objects.bulk_update()')).toBe('wrong');
		expect(result(c, 'objects.create')).toBe('wrong');
		expect(result(card('Which HTTP version multiplexes streams over one TCP connection?', '2'), 'HTTP/1.2')).toBe('wrong');
	});
});

describe('typed answers: numbers in words', () => {
	it('one to twenty written as words', () => {
		const c = card('How many replicas does a Raft cluster need to survive one failure?', '3');
		expect(result(c, 'three')).toBe('right');
		expect(result(c, 'Three')).toBe('right');
		expect(result(card('How many bytes long is an IPv4 address?', 'four'), '4')).toBe('right');
		expect(result(card('After how many failed attempts?', '20'), 'twenty')).toBe('right');
	});
	it('tens and hundreds too: forty-three, thirty seconds, two hundred', () => {
		expect(result(card('How many minutes of downtime a month does 99.9% allow?', '43'), 'forty-three')).toBe('right');
		expect(result(card('How many minutes of downtime a month does 99.9% allow?', '43'), 'forty three minutes')).toBe('right');
		expect(result(card('How many seconds does a TOTP code last?', '30'), 'thirty seconds')).toBe('right');
		expect(result(card('How many connections by default?', '200'), 'two hundred')).toBe('right');
	});

	it('a different number in words is still wrong', () => {
		const c = card('How many replicas does a Raft cluster need to survive one failure?', '3');
		expect(result(c, 'two')).toBe('wrong');
		expect(result(c, 'thirty')).toBe('wrong');
		expect(result(card('How many minutes of downtime a month does 99.9% allow?', '43'), 'thirty-four')).toBe('wrong');
	});
});

describe('typed answers: the category word before or after', () => {
	it('port 5432, 5432 port, 1 replica, Strategy pattern', () => {
		const pg = card('Which port does PostgreSQL listen on by default?', '5432');
		expect(result(pg, 'port 5432')).toBe('right');
		expect(result(pg, '5432 port')).toBe('right');
		expect(result(pg, 'TCP port 5432')).toBe('right');
		const replicas = card('How many replicas does the Deployment run when `replicas` is left out?', '1');
		expect(result(replicas, '1 replica')).toBe('right');
		expect(result(replicas, 'one replica')).toBe('right');
		expect(result(card('Which design pattern swaps an algorithm at run time behind one interface?', 'Strategy'), 'Strategy pattern')).toBe('right');
		expect(result(card('Which HTTP status code means the resource was created?', '201'), 'status code 201')).toBe('right');
	});
	it('only a word the prompt implies, and the number still exact', () => {
		const pg = card('Which port does PostgreSQL listen on by default?', '5432');
		expect(result(pg, 'port 5433')).toBe('wrong');
		expect(result(pg, '5432 replicas')).toBe('wrong');
		expect(result(card('How many bits has an IPv6 address?', '128'), '128 bytes')).toBe('wrong');
		expect(result(card('How many bits has an IPv6 address?', '128'), '128 bits')).toBe('right');
	});
	it('a word that reverses the meaning is never dropped', () => {
		expect(result(card('Which port is not 80 and serves HTTPS?', '443'), 'not 443')).toBe('wrong');
	});
});

describe('typed answers: a blank filled in with the code around it', () => {
	it('the blank and its neighbours, or the whole span', () => {
		const ex = card('Fill in the option so this key expires after an hour: `SET session:42 "..." ___ 3600`', 'EX');
		expect(result(ex, 'EX 3600')).toBe('right');
		expect(result(ex, 'SET session:42 "..." EX 3600')).toBe('right');
		const secret = card('Fill in the expression that reads the secret `NPM_TOKEN`: `${{ ____ }}`', 'secrets.NPM_TOKEN');
		expect(result(secret, '${{ secrets.NPM_TOKEN }}')).toBe('right');
	});
	it('not without the answer, nor with anything the span does not hold', () => {
		const ex = card('Fill in the option so this key expires after an hour: `SET session:42 "..." ___ 3600`', 'EX');
		expect(result(ex, '3600')).toBe('wrong');
		expect(result(ex, 'PX 3600')).toBe('wrong');
		expect(result(ex, 'EX 60')).toBe('wrong');
	});
});

describe('typed answers: how code is written', () => {
	it('a long flag with = or a space, a file by its path, a call with arguments, a decorator', () => {
		expect(result(card('Which ESLint option, with the value `0`, fails on any warning?', '--max-warnings=0'), '--max-warnings 0')).toBe('right');
		expect(result(card('Which file holds a Spring Boot app settings?', 'application.properties'), 'src/main/resources/application.properties')).toBe('right');
		expect(result(card('Which ActiveRecord method preloads an association?', 'includes'), 'includes(:author)')).toBe('right');
		expect(result(card('Which Locust decorator marks a user task?', 'task'), '@locust.task')).toBe('right');
		expect(result(card('Which address is IPv6 loopback?', '::1'), '[::1]')).toBe('right');
	});
	it('but not a name one letter off, and not arithmetic with another sign', () => {
		expect(result(card('Which pytest marker runs a test once per parameter set?', '`@pytest.mark.parametrize`'), '@pytest.mark.parameterize')).toBe('wrong');
		expect(result(card('How many edges has a tree of n nodes?', 'n-1'), 'n+1')).toBe('wrong');
		expect(result(card('Which file configures GitLab CI?', '.gitlab-ci.yml'), 'gitlab-ci.yml')).toBe('wrong');
		expect(result(card('Which special parameter holds the last exit status?', '$?'), '$!')).toBe('wrong');
	});
});

describe('typed answers: plurals', () => {
	it('the plural of the expected noun', () => {
		expect(result(card('What does a Kubernetes Deployment keep running copies of?', 'replica'), 'replicas')).toBe('right');
		expect(result(card('What sits between a client and many backends?', 'proxy'), 'proxies')).toBe('right');
		expect(result(card('Which structure speeds up lookups on a column?', 'index'), 'indexes')).toBe('right');
	});
	it('not of a command or a code name: `ls` is not `lss`', () => {
		expect(result(card('Which command lists a directory?', 'ls'), 'lss')).toBe('wrong');
		expect(result(card('Which Python keyword defines a generator?', '`yield`'), 'yields')).toBe('wrong');
	});
});

describe('the pieces', () => {
	it('looseKey keeps flags, dots in versions and colons in code', () => {
		expect(looseKey('HTTP/1.1')).toBe('http1.1');
		expect(looseKey('HTTP 1.1')).toBe('http1.1');
		expect(looseKey('n - 1')).toBe('n-1');
		expect(looseKey('$?')).toBe('$?');
		expect(looseKey('$!')).not.toBe(looseKey('$?'));
		expect(looseKey('-D')).toBe('-D');
		expect(looseKey('localhost:5432')).toBe('localhost:5432');
		expect(looseKey('Fan-Out, please!')).toBe('fanoutplease');
	});

	it('editDistance counts an adjacent swap as one edit', () => {
		expect(editDistance('abcdef', 'abdcef')).toBe(1);
		expect(editDistance('abcdef', 'abcdef')).toBe(0);
		expect(editDistance('abcdef', 'fedcba')).toBeGreaterThan(2);
	});

	it('charDiff marks extra and missing characters', () => {
		expect(charDiff('abxd', 'abcd')).toEqual([
			{ text: 'ab', kind: 'same' },
			{ text: 'c', kind: 'missing' },
			{ text: 'x', kind: 'extra' },
			{ text: 'd', kind: 'same' }
		]);
	});
});

describe('typed answers: a wrong answer near the expected one is compared letter by letter', () => {
	const c = card('Which isolation level prevents phantom reads in the SQL standard?', 'serializable', ['SERIALIZABLE isolation']);

	it('two letters off is wrong, with the letters that differ marked', () => {
		const v = gradeTyped(c, 'serilizeable');
		expect(v.result).toBe('wrong');
		expect(v.expected).toBe('serializable');
		expect(v.diff).toEqual([
			{ text: 'seri', kind: 'same' },
			{ text: 'a', kind: 'missing' },
			{ text: 'liz', kind: 'same' },
			{ text: 'e', kind: 'extra' },
			{ text: 'able', kind: 'same' }
		]);
	});

	it('compares with the closest accepted form', () => {
		const v = gradeTyped(card('Which pattern notifies subscribers of changes?', 'Observer pattern', ['publish-subscribe']), 'publsh-subscrbie');
		expect(v.result).toBe('wrong');
		expect(v.expected).toBe('publish-subscribe');
		expect(v.diff?.filter((p) => p.kind !== 'same').length).toBeGreaterThan(0);
	});

	it('an answer that has little in common gets no comparison, only the answer', () => {
		const v = gradeTyped(c, 'read committed');
		expect(v).toEqual({ result: 'wrong', expected: 'serializable' });
	});
});
