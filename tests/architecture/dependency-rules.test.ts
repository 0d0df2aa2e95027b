// Imports point down the layers only. The import graph is read with TypeScript's own resolver
// (tsconfig options, so path aliases resolve like in the build), type-only and dynamic imports
// included. The layer order below is the one written statement of it (README "Architecture").

import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '../..');

/** Lowest first. A file may import from its own layer or any layer below it, never above. */
export const LAYERS: readonly (readonly string[])[] = [
  ['src/format'],
  ['src/messages'],
  ['src/parse', 'src/schema'],
  ['src/records'],
  ['src/engine'],
  ['src/catalog', 'src/design'],
  ['src/scenario'],
  ['src/validation', 'src/export', 'src/market'],
  ['src/app-state'],
  ['src/url'],
  ['src/charts', 'src/cli'],
  ['src/worker-api.ts', 'src/worker-client.ts'],
  ['src/app'],
  ['src/ui'],
  ['src/main.ts', 'src/start-page.ts', 'workers'],
];

function layerOf(file: string): number | null {
  for (let i = 0; i < LAYERS.length; i++) {
    for (const prefix of LAYERS[i]!) if (file === prefix || file.startsWith(`${prefix}/`)) return i;
  }
  return null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options;
}

interface Edge { from: string; to: string; specifier: string }

function importGraph(): Edge[] {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const edges: Edge[] = [];
  for (const file of [...sourceFiles('src'), ...sourceFiles('workers')]) {
    const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
    for (const imported of info.importedFiles) {
      const resolved = ts.resolveModuleName(imported.fileName, join(ROOT, file), options, host).resolvedModule;
      if (resolved === undefined || resolved.isExternalLibraryImport) continue;
      const to = relative(ROOT, resolved.resolvedFileName).split('\\').join('/');
      edges.push({ from: file, to, specifier: imported.fileName });
    }
  }
  return edges;
}

describe('dependency rules', () => {
  const edges = importGraph();

  it('reads a real graph (sanity: the engine imports its own modules, the UI imports the app)', () => {
    expect(edges.some((e) => e.from === 'src/engine/simulate.ts' && e.to === 'src/engine/search.ts')).toBe(true);
    expect(edges.length).toBeGreaterThan(300);
  });

  it('every source file belongs to a layer', () => {
    const files = [...new Set(edges.flatMap((e) => [e.from, e.to]))].filter((f) => f.startsWith('src/') || f.startsWith('workers/'));
    expect(files.filter((f) => layerOf(f) === null)).toEqual([]);
  });

  it('no import points up the layers', () => {
    const upward = edges
      .filter((e) => {
        const from = layerOf(e.from);
        const to = layerOf(e.to);
        return from !== null && to !== null && to > from;
      })
      .map((e) => `${e.from} -> ${e.to}`);
    expect(upward).toEqual([]);
  });

  it('the engine imports nothing from the catalog; lower layers nothing from the UI, the app or the charts', () => {
    const low = ['src/engine', 'src/scenario', 'src/catalog', 'src/url', 'src/cli', 'src/app-state'];
    const high = ['src/ui/', 'src/app/', 'src/charts/'];
    const bad = edges.filter((e) => low.some((l) => e.from.startsWith(`${l}/`)) && high.some((h) => e.to.startsWith(h)));
    expect(bad.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
    expect(edges.filter((e) => e.from.startsWith('src/engine/') && e.to.startsWith('src/catalog/')).map((e) => e.from)).toEqual([]);
  });

  it('detects an upward import when one is added (the rule can fail)', () => {
    const fake: Edge = { from: 'src/engine/x.ts', to: 'src/ui/y.ts', specifier: '../ui/y' };
    expect((layerOf(fake.to) ?? 0) > (layerOf(fake.from) ?? 0)).toBe(true);
  });
});
