export { loadRegistryConfig, type RegistryConfig } from './config.js';
export { createRegistry, type Registry } from './server.js';
export { publishOwnPackages, packWorkspace } from './seed.js';
