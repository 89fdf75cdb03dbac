/**
 * The 31 roadmap sections in roadmap order (from shared/roadmap-sections.md).
 * A deck file must use one of these ids; new cards are introduced in this
 * order, refined by each deck's declared prerequisites.
 */
export const SECTION_IDS = [
	'internet',
	'http',
	'frontend-basics',
	'os',
	'linux',
	'networking',
	'dsa',
	'languages',
	'version-control',
	'frameworks',
	'relational-databases',
	'database-concepts',
	'orm',
	'nosql',
	'rest',
	'api-styles',
	'auth',
	'web-security',
	'caching',
	'testing',
	'code-analysis',
	'ci-cd',
	'containers',
	'cloud',
	'web-servers',
	'architecture',
	'design-patterns',
	'message-brokers',
	'realtime',
	'observability',
	'scalability'
] as const;

export type SectionId = (typeof SECTION_IDS)[number];

/** Roadmap groups a deck can belong to, in roadmap order. */
export const GROUPS = [
	'internet',
	'foundations',
	'languages',
	'databases',
	'apis',
	'security',
	'caching',
	'testing',
	'devops',
	'architecture',
	'operations'
] as const;

export type GroupId = (typeof GROUPS)[number];

/** The seed articles a card may cite (shared/seeds). */
export const SEED_FILES = [
	'000_c49236ff270dceac.txt',
	'001_e89a26e68fa57a28.txt',
	'002_deb248acc59a5c3f.txt',
	'003_a13ee0c7749d4853.txt',
	'004_ec88cd825ee97bfa.txt'
] as const;
