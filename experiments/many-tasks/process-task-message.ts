/** What a task process tells its parent. */
export type ProcessTaskMessage = { readonly kind: 'ready'; readonly rssBytes: number } | { readonly kind: 'done'; readonly checksum: number };
