/**
 * The engine's shared vocabulary. Names follow Kubernetes' own types where one exists
 * (RequestInfo, UserInfo, PolicyRule, Status); each links the upstream source it models.
 * Everything here is plain, JSON-serialisable data. Each part's types live in types/<part>.ts;
 * importers take them from here (inside the engine) or from the engine's index (outside it).
 */
export * from './types/admission';
export * from './types/authentication';
export * from './types/authorization';
export * from './types/decoding';
export * from './types/extensions';
export * from './types/identity';
export * from './types/objects';
export * from './types/request';
export * from './types/server-config';
export * from './types/status';
export * from './types/storage';
export * from './types/trace';
export * from './types/validation';
