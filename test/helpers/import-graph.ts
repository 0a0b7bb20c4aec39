import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** One import: the file that imports and the file it names, both relative to the repository. */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
}

/** Static, type-only, re-exporting and dynamic imports, and worker entries named by `new URL(...)`. */
const RELATIVE_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*|new URL\(\s*)'(\.{1,2}\/[^']+)'/gm;
const SOURCE = /\.(ts|mts|mjs|cjs)$/;
const TEST = /\.test\.ts$/;
/** A line of a comment (`//`, or a block comment's `/*` or ` * ` line): an import named in prose is no import. */
const COMMENT_LINE = /^\s*(?:\/\/|\/\*|\*).*$/gm;

/** The lab's own source files under `roots` (tests left out: they may reach any layer). */
export function sourceFiles(repoRoot: string, roots: readonly string[]): string[] {
  return roots.flatMap((root) =>
    readdirSync(join(repoRoot, root), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && SOURCE.test(entry.name) && !TEST.test(entry.name))
      .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name))),
  );
}

/** Every relative import of the given files (only import forms are read, so other strings never count). */
export function importEdges(repoRoot: string, files: readonly string[]): ImportEdge[] {
  return files.flatMap((from) => {
    const text = readFileSync(join(repoRoot, from), 'utf8').replace(COMMENT_LINE, '');
    return [...text.matchAll(RELATIVE_SPECIFIER)].map((m) => ({ from, to: relative(repoRoot, resolve(repoRoot, dirname(from), m[1]!)) }));
  });
}

/** The layer a file belongs to: the index of the first layer whose folder holds it, or -1. */
export function layerOf(layers: readonly (readonly string[])[], file: string): number {
  return layers.findIndex((folders) => folders.some((folder) => file === folder || file.startsWith(`${folder}/`)));
}

/** Imports that point up the layers, or out of every layer. */
export function upwardImports(layers: readonly (readonly string[])[], edges: readonly ImportEdge[]): string[] {
  const faults = edges.flatMap(({ from, to }) => {
    const own = layerOf(layers, from);
    const target = layerOf(layers, to);
    if (own === -1) return [`${from}: the importing file is in no layer`];
    if (target === -1) return [`${from} -> ${to}: the target is in no layer`];
    return target > own ? [`${from} -> ${to}: up from ${layers[own]!.join(', ')} to ${layers[target]!.join(', ')}`] : [];
  });
  return [...new Set(faults)];
}

/** Every import cycle among files, each as the files it passes through (Tarjan's strongly connected components). */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const to of next.get(file) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file)!, index.get(to)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      onStack.delete(member);
      component.push(member);
      if (member === file) break;
    }
    const selfImport = (next.get(file) ?? []).includes(file);
    if (component.length > 1 || selfImport) cycles.push(component.sort());
  };
  for (const file of next.keys()) if (!index.has(file)) visit(file);
  return cycles;
}
