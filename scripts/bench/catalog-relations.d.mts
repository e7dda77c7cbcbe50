export const catalogRelations: ReadonlyArray<Record<string, unknown>>;
