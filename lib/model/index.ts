/** The data model: zod schemas, and the TypeScript types derived from them. */
export * from './backup';
export * from './entities';
export * from './primitives';
export * from './rights';
export * from './same';
export * from './validate';
