/** The data model: zod schemas, and the TypeScript types derived from them. */
export * from './entities';
export * from './primitives';
