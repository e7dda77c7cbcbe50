export { createFilesCapability, type FilesCapabilityDeps } from './capability.js';
export { FilesService, type FilesServiceDeps } from './service.js';
