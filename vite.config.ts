import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { prebuiltReportFile } from './src/validation/prebuilt-report.ts';

// The app runs under a strict Content-Security-Policy (no inline scripts, no eval): vega is used
// with its expression interpreter (vega-interpreter) instead of new Function. The policy is sent
// three ways, so no way of serving the app goes without it: as a <meta> tag in index.html (dev
// server, `vite build` output on any static host), and as a header of `npm start` and
// `vite preview`. A host that can set headers should send the same header (README "Hosting").
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Puts the policy in index.html as the first element of <head>, before any script. */
function cspMeta(): Plugin {
  return {
    name: 'tokencost-csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
    },
  };
}

/**
 * Lists the start page's chunks (and the chart runtime) in index.html as modulepreloads, so the
 * browser fetches them beside the entry. The entry imports the start page dynamically, after it
 * has started the workers; without the hints these requests wait for the entry to run.
 */
function earlyModulePreload(): Plugin {
  const EARLY = ['src/start-page.ts', 'src/ui/vega-runtime.ts'];
  return {
    name: 'tokencost-early-modulepreload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (bundle === undefined) return [];
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const files = new Set<string>();
        const add = (fileName: string) => {
          const chunk = chunks.find((c) => c.fileName === fileName);
          if (chunk === undefined || files.has(fileName)) return;
          files.add(fileName);
          for (const dep of chunk.imports) add(dep);
        };
        for (const entry of EARLY) {
          const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(entry) === true);
          if (chunk === undefined) throw new Error(`earlyModulePreload: no chunk for ${entry}`);
          add(chunk.fileName);
        }
        // The entry is already a <script> of the page.
        for (const c of chunks) if (c.isEntry) files.delete(c.fileName);
        return [...files].map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const }));
      },
    },
  };
}

const ROOT = fileURLToPath(new URL('./', import.meta.url));

/** `npm run validate -- --format json --efficiency MODE`, compacted. */
function validationJson(mode: 'achieved' | 'spec'): Promise<string> {
  const tsx = fileURLToPath(new URL('./node_modules/tsx/dist/cli.mjs', import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [tsx, 'scripts/validate.ts', '--format', 'json', '--efficiency', mode], { cwd: ROOT, maxBuffer: 256 << 20 },
      (error, stdout, stderr) => (error ? reject(new Error(`npm run validate -- --efficiency ${mode} failed: ${stderr}`)) : resolve(JSON.stringify(JSON.parse(stdout)))));
  });
}

/**
 * Ships the Accuracy view's validation reports with the production build, beside the scripts
 * (src/validation/prebuilt-report.ts): the same output as `npm run validate`, run while Vite bundles.
 */
function prebuiltValidation(): Plugin {
  let assetsDir = 'assets';
  let reports: Promise<(readonly ['achieved' | 'spec', string])[]> | null = null;
  return {
    name: 'tokencost-prebuilt-validation',
    apply: 'build',
    configResolved(config) {
      assetsDir = config.build.assetsDir;
    },
    buildStart() {
      reports = Promise.all((['achieved', 'spec'] as const).map(async (mode) => [mode, await validationJson(mode)] as const));
    },
    async generateBundle() {
      for (const [mode, json] of await reports!) this.emitFile({ type: 'asset', fileName: `${assetsDir}/${prebuiltReportFile(mode)}`, source: json });
    },
  };
}

/**
 * 'vega' (imported by vega-lite) resolves to vega-util: the charts' runtime is assembled from vega's
 * parts in src/ui/vega-runtime.ts, without the transforms no chart uses (src/ui/vega-as-vega-util.ts).
 */
export const VEGA_ALIAS = { find: /^vega$/, replacement: fileURLToPath(new URL('./src/ui/vega-as-vega-util.ts', import.meta.url)) };

export default defineConfig({
  base: './',
  plugins: [cspMeta(), prebuiltValidation(), earlyModulePreload()],
  resolve: { alias: [VEGA_ALIAS] },
  worker: { format: 'es' },
  build: {
    target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2000,
    // Rolldown reports plugins that take most of a build; the shipped validation does, by design.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
});
