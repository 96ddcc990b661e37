export { AppStoreContext, useAppStore, useAppStoreApi } from './context';
export { type AppStoreOptions, createAppStore } from './create-app-store';
export { type DeepLink, parseDeepLink } from './deep-link';
export { fileNamesOf } from './file-names';
export * from './operations';
export * from './path';
export * from './selectors';
export * from './types';
