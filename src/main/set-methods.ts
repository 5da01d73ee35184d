// The ES2025 Set methods (union, intersection, ...) for Node 20 and 21,
// from core-js; loaded by cli.ts only where they are missing.
import 'core-js/actual/set/index.js';
