/**
 * The app's start-up chunk, which src/main.tsx imports at once: the store's boot, the engine
 * extensions' loader, and the import of the details panels. The store does not import the UI
 * (biome.json), so the panels' `import()` lives here, beside the store rather than in it: made
 * from this chunk, the build knows the store and the engine are already loaded when the panels
 * are, and does not split the modules they share into chunks of their own.
 */
export { bootWorkspace } from './store/boot';
export { loadEngineExtensions } from './store/extensions';

/** The details area's tab panels, reached through this chunk (see DetailsArea). */
export const loadDetailsPanels = () => import('./ui/panels/details/panels');
