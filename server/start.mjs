/**
 * `npm start`: runs the server bundle with plain node, bundling it first when it is
 * missing or older than the sources (server/bundle.mjs). The bundle then builds the
 * pages when there is no production build yet (server/main.ts).
 */
import { pathToFileURL } from 'node:url';
import { BUNDLE, bundleIsStale, bundleServer } from './bundle.mjs';

if (bundleIsStale()) {
  console.log('Bundling the server…');
  await bundleServer();
}
await import(pathToFileURL(BUNDLE).href);
