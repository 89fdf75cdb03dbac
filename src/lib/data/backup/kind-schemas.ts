import type * as v from 'valibot';
import type { Kind } from '../kinds';
import { marksSchema, noteSchema, ownCardSchema, practiceSchema, problem, reportSchema, reviewSchema, settingsSchema } from './format';

/**
 * The check of each synced kind's records (kinds.ts), for a backup line
 * and a server document alike. Apart from the table only so that valibot
 * stays out of the pages that merely queue changes through it; the type
 * makes every kind there have one here.
 */
export const KIND_SCHEMAS: Record<Kind, v.GenericSchema> = {
	settings: settingsSchema,
	review: reviewSchema,
	practice: practiceSchema,
	marks: marksSchema,
	report: reportSchema,
	ownCard: ownCardSchema,
	note: noteSchema
};

/** The first problem with a record of `kind`, as "kind.field: what is wrong", or undefined if it is sound. */
export function kindProblem(kind: Kind, value: unknown): string | undefined {
	return problem(KIND_SCHEMAS[kind], value, kind);
}
