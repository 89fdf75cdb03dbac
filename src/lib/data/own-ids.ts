/** A learner's own card's id: "mine-" and a random UUID, so cards written on two devices never clash. */
export const OWN_ID = /^mine-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether a card id is one the learner wrote (its content lives on the device, not in a deck). */
export const isOwnCardId = (id: string): boolean => id.startsWith('mine-');

/** A new own card's id. */
export function newOwnCardId(): string {
	return `mine-${crypto.randomUUID()}`;
}

/** The longest personal note on a card. */
export const NOTE_TEXT_MAX = 2000;
