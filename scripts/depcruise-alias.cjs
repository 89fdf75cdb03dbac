// Only for dependency-cruiser: resolve SvelteKit's $lib alias the way Vite does.
const path = require('node:path');
module.exports = { resolve: { alias: { $lib: path.resolve(__dirname, '../src/lib') } } };
