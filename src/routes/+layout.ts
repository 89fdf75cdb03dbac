// Every page is static HTML; the learner's data is read from IndexedDB in the browser.
export const prerender = true;
export const trailingSlash = 'never';
