export { load } from '../quiz/+page';
