import type { ClientLoad, LoadResult } from './client-load.ts';

/** What the main thread asks of the client worker. */
export type ClientRequest = { readonly kind: 'load'; readonly load: ClientLoad } | { readonly kind: 'abort'; readonly reason: string };

/** What the client worker answers. */
export type ClientReply = { readonly kind: 'ready' } | { readonly kind: 'loaded'; readonly result: LoadResult };
