// Vite plugin: after `vite build`, prints the gzipped JavaScript of every lazily loaded route module and of
// the app shell, and checks the budgets: a budget names a route's modules (its layouts and its page) and the
// most gzipped JavaScript a browser may load to show it, the shell included. Over budget, the build fails.
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import type { Plugin } from 'vite';

export interface RouteBudget {
  route: string;
  /** Source files, relative to the web root, whose chunks the route loads: its layouts and its page. */
  modules: string[];
  maxKb: number;
}

interface ChunkInfo {
  fileName: string;
  code: string;
  imports: string[];
  isEntry: boolean;
  isDynamicEntry: boolean;
  facadeModuleId: string | null;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export function routeSizes(root: string, budgets: RouteBudget[]): Plugin {
  return {
    name: 'hms-route-sizes',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      for (const file of Object.values(bundle)) if (file.type === 'chunk') chunks.set(file.fileName, file);
      const gzip = new Map([...chunks.values()].map((chunk) => [chunk.fileName, gzipSync(chunk.code).length]));
      /** The chunk and every chunk it imports statically: what loading it fetches. */
      const closure = (fileName: string, into = new Set<string>()) => {
        if (into.has(fileName)) return into;
        into.add(fileName);
        for (const imported of chunks.get(fileName)?.imports ?? []) closure(imported, into);
        return into;
      };
      const size = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + (gzip.get(file) ?? 0), 0);
      const shell = new Set<string>();
      for (const chunk of chunks.values()) if (chunk.isEntry) closure(chunk.fileName, shell);
      const source = (chunk: ChunkInfo) => (chunk.facadeModuleId ? path.relative(root, chunk.facadeModuleId) : chunk.fileName);

      const routes = [...chunks.values()]
        .filter((chunk) => chunk.isDynamicEntry)
        .map((chunk) => {
          const own = [...closure(chunk.fileName)].filter((file) => !shell.has(file));
          return { name: source(chunk), own: size(own), total: size(new Set([...shell, ...own])) };
        })
        .sort((a, b) => b.total - a.total);
      const width = Math.max(...routes.map((route) => route.name.length), 20);
      const lines = [
        `\nJavaScript per lazily loaded module (gzip): own = its chunks beyond the app shell; with shell = both`,
        `  ${'module'.padEnd(width)}  ${'own'.padStart(9)}  ${'with shell'.padStart(10)}`,
        ...routes.map((route) => `  ${route.name.padEnd(width)}  ${kb(route.own).padStart(9)}  ${kb(route.total).padStart(10)}`),
        `  app shell (entry and its imports): ${kb(size(shell))} in ${shell.size} chunks; all JavaScript: ${kb(size(chunks.keys()))}`,
      ];

      const failures: string[] = [];
      for (const budget of budgets) {
        const files = new Set(shell);
        for (const module of budget.modules) {
          const chunk = [...chunks.values()].find((candidate) => candidate.facadeModuleId === path.resolve(root, module));
          if (!chunk) {
            failures.push(`${budget.route}: no chunk comes from ${module}`);
            continue;
          }
          closure(chunk.fileName, files);
        }
        const total = size(files);
        const verdict = total <= budget.maxKb * 1024 ? 'within' : 'OVER';
        lines.push(`  route ${budget.route}: ${kb(total)} of JavaScript (gzip) in ${files.size} chunks, ${verdict} its budget of ${budget.maxKb} kB`);
        if (verdict === 'OVER') failures.push(`${budget.route} loads ${kb(total)} of JavaScript (gzip), over its budget of ${budget.maxKb} kB`);
      }
      console.log(`${lines.join('\n')}\n`);
      if (failures.length > 0) this.error(failures.join('; '));
    },
  };
}
