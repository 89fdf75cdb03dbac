// The answer buttons' names, by rating: on the buttons, in the undo's message,
// in the own-card preview. A module of its own: home's modules ship every
// export they have, and home shows no button.
import { Rating } from './constants';

export const GRADE_NAMES: Readonly<Record<number, string>> = { [Rating.Again]: 'Again', [Rating.Hard]: 'Hard', [Rating.Good]: 'Good', [Rating.Easy]: 'Easy' };
