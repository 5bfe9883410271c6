import type { Message, Reply } from './index';

/**
 * Sending one message of the protocol (lib/messages), in a module of its own: the page reader, which runs in web
 * pages, sends through it, and must not carry the protocol's zod schemas (index.ts builds them when it loads: the
 * page reader grew from 22 KB to 124 KB when it imported `send` from there). Only types come from index.ts.
 */

/** The part of the browser's runtime API that sends (passed in: lib/ never imports the browser). */
export interface Runtime {
  sendMessage(message: unknown): Promise<unknown>;
}

/**
 * Sends one message of the protocol to the background, typed both ways: the message must be one the background
 * takes, and the reply is what it answers to that type (undefined when no listener answered).
 */
export function send<M extends Message>(runtime: Runtime, message: M): Promise<Reply<M> | undefined> {
  return runtime.sendMessage(message) as Promise<Reply<M> | undefined>;
}
