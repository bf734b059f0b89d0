// Lets command-line scripts (tsx) import modules marked `import 'server-only'`, which they are:
// the marker only guards against bundling into client components.
import { register } from 'node:module';

register('data:text/javascript,' + encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,', shortCircuit: true };
  return next(specifier, context);
}`));
