export { SandboxSupervisor, type SupervisorOptions } from './supervisor.js';
export type { SandboxedEndpoint, SandboxedExtension, SandboxedHook, SandboxedOperation } from './handles.js';
export { SandboxError, sandboxErrorCodes, type SandboxErrorCode } from './errors.js';
export type { ChildStats as SandboxStats } from './protocol.js';
export {
	publicAccountability,
	type Accountability,
	type ExtensionSource,
	type ExtensionStatus,
	type GrantedScopes,
	type HookMeta,
	type HookRegistration,
	type HostBridge,
	type ItemsAction,
	type ItemsCall,
	type ItemsMethod,
	type LogLevel,
	type OperationContext,
	type Registrations,
	type RouteInfo,
	type SandboxLimits,
	type SandboxLogger,
	type SandboxRequest,
	type SandboxResponse,
	type SandboxedType,
} from './types.js';
