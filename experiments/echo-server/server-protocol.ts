import type { ServerReport } from './server-report.ts';

/** What the main thread asks of a server worker. */
export type ServerRequest =
  | { readonly kind: 'serve'; readonly connections: number; readonly timeoutMs: number }
  | { readonly kind: 'abort'; readonly reason: string };

/** What a server worker answers: ready once loaded; per serve request, its port and then its report. */
export type ServerReply =
  | { readonly kind: 'ready'; readonly threadId: number }
  | { readonly kind: 'listening'; readonly port: number }
  | { readonly kind: 'served'; readonly reports: readonly ServerReport[] };
