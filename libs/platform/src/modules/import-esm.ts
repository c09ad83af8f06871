import { randomUUID } from 'node:crypto';

/**
 * A native `import()` of an ES-module-only package (openid-client, oidc-provider) from code compiled to CommonJS:
 * `tsc` (and Jest's transform) would turn a written `import()` into `require()`, which cannot load an ES module, so the
 * call is made from a function built at run time.
 *
 * Its source carries an id made when this module is loaded. V8 caches functions built from the same source, with the
 * module loader of the context that built them first: under Jest, whose test files each run in a context of their
 * own, a second file in the same worker then imported through the first file's torn-down loader ("Cannot read
 * properties of undefined (reading 'identifier')"). A source of its own per loading keeps each context's loader.
 */
export const importEsm = new Function('specifier', `return import(specifier); // ${randomUUID()}`) as <T = unknown>(specifier: string) => Promise<T>;
