/**
 * Builds the local app into packages/app/dist: the shell (shell/), the project's components from force-app
 * (their TypeScript sources, types stripped here, never the compiled .js next to them), the local platform
 * modules (platform/) and lightning-base-components, bundled by rollup with the LWC plugin.
 * `npx tsx packages/app/build.ts` (`npm run app:build`) builds; `npm start` builds when packages/app/dist is missing or older than the sources.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import lwc from '@lwc/rollup-plugin';
import terser from '@rollup/plugin-terser';
import ts from 'typescript';
import { rollup, type OutputChunk, type Plugin } from 'rollup';
import { commandProgram, runAction, runProgram, type JsonOption } from '@partner-planning/cli';
import { API_VERSION, loadForceApp, REPO_ROOT } from '@partner-planning/model';
import { APP_DIR, CHUNKS_DIR, DIST_DIR, INDEX_HTML, LWC_DIR, PLATFORM_DIR, SHELL_DIR } from './build-state';

export { appIsUpToDate } from './build-state';

// lwc 9's own engine packages: the top-level @lwc/engine-dom is the older one sfdx-lwc-jest brings.
const LWC_PACKAGES = join(REPO_ROOT, 'node_modules', 'lwc', 'node_modules', '@lwc');

const isTs = (id: string): boolean => id.split('?')[0].endsWith('.ts') && !id.endsWith('.d.ts');

/**
 * Strips TypeScript with tsc's transpiler (ESNext keeps the TC39 decorators and the `export default class`
 * the LWC compiler reads; esbuild rewrites the latter) and prefers .ts sources over compiled .js.
 */
function typescript(): Plugin {
  return {
    name: 'pap-typescript',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || !isTs(importer)) return null;
      const candidate = resolve(dirname(importer.split('?')[0]), `${source}.ts`);
      return existsSync(candidate) ? candidate : null;
    },
    transform(code, id) {
      if (!isTs(id)) return null;
      const result = ts.transpileModule(code, {
        fileName: id.split('?')[0],
        compilerOptions: { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext, isolatedModules: true },
      });
      return { code: result.outputText, map: null };
    },
  };
}

/** `@salesforce/schema/*` and `@salesforce/label/c.*` from force-app; after the LWC plugin (see README). */
function salesforceModules(): Plugin {
  const model = loadForceApp();
  const PREFIX = '\0pap:';
  return {
    name: 'pap-salesforce-modules',
    resolveId(source) {
      if (source.startsWith('@salesforce/schema/') || source.startsWith('@salesforce/label/c.'))
        return `${PREFIX}${source}`;
      return null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const source = id.slice(PREFIX.length);
      if (source.startsWith('@salesforce/label/c.')) {
        const name = source.slice('@salesforce/label/c.'.length);
        const label = model.labels.get(name);
        if (!label) this.error(`no custom label ${name} in force-app`);
        return `export default ${JSON.stringify(label.value)};`;
      }
      const [objectApiName, ...path] = source.slice('@salesforce/schema/'.length).split('.');
      if (!model.objects.has(objectApiName)) this.error(`no object ${objectApiName} in force-app`);
      const value = path.length > 0 ? { objectApiName, fieldApiName: path.join('.') } : { objectApiName };
      return `export default ${JSON.stringify(value)};`;
    },
  };
}

/**
 * The plain npm ES modules the browser code imports (chart.js, its `auto` entry and its one dependency),
 * resolved to their ES module files: rollup here has no node-resolve.
 */
function npmModules(): Plugin {
  const entries: Record<string, string> = {
    'chart.js': 'chart.js/dist/chart.js',
    'chart.js/auto': 'chart.js/auto/auto.js',
    '@kurkle/color': '@kurkle/color/dist/color.esm.js',
  };
  return {
    name: 'pap-npm-modules',
    resolveId(source) {
      return source in entries ? join(REPO_ROOT, 'node_modules', entries[source]) : null;
    },
  };
}

/** What bundlers usually replace: the LWC engine reads both. */
function environment(): Plugin {
  return {
    name: 'pap-environment',
    transform(code) {
      if (!code.includes('process.env.NODE_ENV') && !code.includes('import.meta.env')) return null;
      return {
        code: code
          .replace(/process\.env\.NODE_ENV/g, '"production"')
          .replace(/import\.meta\.env\.SSR/g, 'false')
          .replace(/import\.meta\.env\.DEV/g, 'false'),
        map: null,
      };
    },
  };
}

/**
 * Build-time constants of the platform modules, as bundlers' `define`: `__API_VERSION__` becomes the
 * project's API version from sfdx-project.json, so the browser code hard-codes no version, and
 * `__RECORD_PAGES__` the package's Lightning record pages (regions and components), which no API serves.
 */
function projectConstants(): Plugin {
  const recordPages = loadForceApp()
    .flexiPages.filter((p) => p.type === 'RecordPage' && p.sobjectType)
    .map(({ name, label, sobjectType, template, regions }) => ({ name, label, sobjectType, template, regions }));
  return {
    name: 'pap-project-constants',
    transform(code, id) {
      if (!id.startsWith(PLATFORM_DIR) || !/\b__(API_VERSION|RECORD_PAGES)__\b/.test(code)) return null;
      const replaced = code
        .replace(/\b__API_VERSION__\b/g, JSON.stringify(API_VERSION))
        .replace(/\b__RECORD_PAGES__\b/g, JSON.stringify(recordPages));
      return { code: replaced, map: null };
    },
  };
}

/** A module record per component, shell component and platform module (explicit .ts entry points). */
function moduleRecords(): { name: string; path: string }[] {
  const records: { name: string; path: string }[] = [];
  const platform = (name: string, file: string): void => {
    records.push({ name, path: join(PLATFORM_DIR, file) });
  };
  for (const name of [
    'uiRecordApi',
    'uiObjectInfoApi',
    'graphql',
    'navigation',
    'platformShowToastEvent',
    'actions',
    'refresh',
  ])
    platform(`lightning/${name}`, `${name}.ts`);
  platform('lightning/confirm', 'confirm/confirm.ts');
  platform('lightning/recordPicker', 'recordPicker/recordPicker.ts');
  platform('@salesforce/user/Id', 'userId.ts');
  for (const name of ['locale', 'currency', 'timeZone']) platform(`@salesforce/i18n/${name}`, `i18n/${name}.ts`);
  for (const dir of [LWC_DIR, join(SHELL_DIR, 'modules', 'shell')]) {
    const namespace = dir === LWC_DIR ? 'c' : 'shell';
    for (const name of readdirSync(dir)) {
      const entry = join(dir, name, `${name}.ts`);
      if (existsSync(entry)) records.push({ name: `${namespace}/${name}`, path: entry });
    }
  }
  return records;
}

/** The page: its entry chunk, and the chunks every page needs preloaded alongside it (no request waterfall). */
function indexHtml(entry: string, preloads: string[]): string {
  const links = preloads.map((file) => `    <link rel="modulepreload" href="/${file}" />\n`).join('');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Partner Account Planning</title>
    <link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css" />
    <script src="/app/session.js"></script>
    <script type="module" src="/${entry}"></script>
${links}  </head>
  <body class="slds-scope"></body>
</html>
`;
}

/** Brotli and gzip copies next to each chunk, so the server sends them compressed without compressing per request. */
function writeCompressed(path: string, code: string): { gzipBytes: number } {
  const gzip = gzipSync(code, { level: 9 });
  writeFileSync(`${path}.gz`, gzip);
  writeFileSync(
    `${path}.br`,
    brotliCompressSync(code, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(code) },
    }),
  );
  return { gzipBytes: gzip.length };
}

export interface BuildResult {
  modules: number;
  /** Every chunk's minified bytes, and gzipped. */
  bytes: number;
  gzipBytes: number;
  /** The entry chunk's file, and how many chunks there are in all (the lazily loaded pages' included). */
  entry: string;
  chunks: number;
  seconds: number;
}

export async function buildApp(log: (line: string) => void = () => undefined): Promise<BuildResult> {
  const started = Date.now();
  let loaded = 0;
  const progress: Plugin = {
    name: 'pap-progress',
    load() {
      loaded++;
      if (loaded % 500 === 0) log(`  ${loaded} modules compiled...`);
      return null;
    },
  };
  const bundle = await rollup({
    input: join(SHELL_DIR, 'main.ts'),
    plugins: [
      progress,
      typescript(),
      npmModules(),
      projectConstants(),
      environment(),
      lwc({
        rootDir: APP_DIR,
        enableDynamicComponents: true,
        // The base components' gates are all open here, and the combobox then asks for element internals.
        enableSyntheticElementInternals: true,
        defaultModules: [
          { name: 'lwc', path: join(LWC_PACKAGES, 'engine-dom', 'dist', 'index.js') },
          { name: '@lwc/synthetic-shadow', path: join(LWC_PACKAGES, 'synthetic-shadow', 'dist', 'index.js') },
          { name: '@lwc/wire-service', path: join(LWC_PACKAGES, 'wire-service', 'dist', 'index.js') },
        ],
        // Our aliases first (platform modules), then our components, then the base components.
        modules: [...moduleRecords(), { npm: 'lightning-base-components' }],
      }),
      salesforceModules(),
    ],
    onwarn(warning, warn) {
      // Base components use `this` at module level and circular imports; neither is a problem here.
      if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return;
      // The base components' own template warnings (duplicate slots and the like) are not ours to fix.
      if ((warning.id ?? warning.loc?.file ?? '').includes('lightning-base-components')) return;
      warn(warning);
    },
  });
  // The one-file build's bundle, from before chunks.
  rmSync(join(DIST_DIR, 'app.js'), { force: true });
  const { output } = await bundle.write({
    dir: DIST_DIR,
    format: 'es',
    entryFileNames: 'chunks/app-[hash].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    // terser in module mode (strict, block-scoped functions kept as such), not esbuild, whose minifier broke
    // synthetic shadow in an earlier build; its default keeps licence comments (/*!, @license), as chart.js's asks.
    plugins: [terser()],
  });
  await bundle.close();
  const chunks = output.filter((item): item is OutputChunk => item.type === 'chunk');
  const entry = chunks.find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('rollup wrote no entry chunk');
  let bytes = 0;
  let gzipBytes = 0;
  for (const chunk of chunks) {
    bytes += Buffer.byteLength(chunk.code);
    gzipBytes += writeCompressed(join(DIST_DIR, chunk.fileName), chunk.code).gzipBytes;
  }
  // The header draws a standard and a utility icon on every page, whose templates the base components import
  // on first use: fetched alongside the entry rather than after it has run.
  const icons = chunks.filter((chunk) => /^iconSvgTemplates(Standard|Utility)$/.test(chunk.name));
  // Written last: the build's timestamp (build-state.ts), and a page that never names a chunk not yet written.
  writeFileSync(INDEX_HTML, indexHtml(entry.fileName, [...entry.imports, ...icons.map((chunk) => chunk.fileName)]));
  // Then the previous build's chunks go (names carry their content's hash): a server running meanwhile never
  // serves a page whose chunks are gone.
  const current = new Set(chunks.flatMap((chunk) => ['', '.br', '.gz'].map((suffix) => `${chunk.fileName}${suffix}`)));
  for (const name of readdirSync(CHUNKS_DIR))
    if (!current.has(`chunks/${name}`)) rmSync(join(CHUNKS_DIR, name), { force: true });
  return {
    modules: loaded,
    bytes,
    gzipBytes,
    entry: entry.fileName,
    chunks: chunks.length,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

if (require.main === module) {
  const program = commandProgram(
    'app:build',
    'Build the local app (the components and the shell) into packages/app/dist.',
  ).action((options: JsonOption) =>
    runAction(
      options,
      async () => {
        // With --json, stdout holds only the JSON result.
        const log = (line: string): void => {
          if (!options.json) process.stdout.write(`${line}\n`);
        };
        return { exitCode: 0, ...(await buildApp(log)) };
      },
      (result) =>
        process.stdout.write(
          `Built packages/app/dist in ${result.seconds}s: ${result.modules} modules in ${result.chunks} chunks, ` +
            `${Math.round(result.bytes / 1024)} KB minified, ${Math.round(result.gzipBytes / 1024)} KB gzipped.\n`,
        ),
    ),
  );
  void runProgram(program);
}
