/**
 * Every lazily loaded tab panel, in one module: one chunk for the whole details area keeps the
 * build from splitting the modules they share with the app shell into many tiny chunks.
 */
export { ResourcesPanel } from '../resources/ResourcesPanel';
export { AccessTab } from './AccessTab';
export { EtcdTab } from './EtcdTab';
export { LogTab } from './LogTab';
export { WatchTab } from './WatchTab';
