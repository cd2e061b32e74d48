/**
 * The platform modules' export names agree across their three forms: the declaration (types/), the local
 * app's implementation (packages/app/platform) and the jest mock (test/lwc-mocks). An export added to one
 * and not the others fails here; the types are checked by `npm run typecheck` (check/surface.ts). Besides
 * the platform's exports, an implementation may export named helpers of its own (the app shell's routes,
 * the tests' drivers), listed below so each one is a decision.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from '../../packages/model';

const CHECK = join(REPO_ROOT, 'test', 'platform-surface', 'check');
const APP = 'packages/app/platform';
const MOCKS = 'test/lwc-mocks';

/** One implementation of a module: its file, and the helpers it exports besides the platform's names. */
interface Implementation {
  file: string;
  helpers?: string[];
}

/** Each declared module with its app implementation and jest mock, or who else provides it. */
const MODULES: Record<string, { app: Implementation | string; mock: Implementation | string }> = {
  'lightning/uiRecordApi': {
    app: { file: `${APP}/uiRecordApi.ts`, helpers: ['GetRecord'] },
    mock: { file: `${MOCKS}/lightning/uiRecordApi.ts`, helpers: ['echoRecord', 'resetUiRecordApiMocks'] },
  },
  'lightning/uiObjectInfoApi': {
    app: { file: `${APP}/uiObjectInfoApi.ts` },
    mock: { file: `${MOCKS}/lightning/uiObjectInfoApi.ts` },
  },
  'lightning/graphql': { app: { file: `${APP}/graphql.ts` }, mock: { file: `${MOCKS}/lightning/graphql.ts` } },
  'lightning/navigation': {
    app: {
      file: `${APP}/navigation.ts`,
      helpers: ['NAVIGATE_EVENT', 'OBJECT_ROUTES', 'navigateTo', 'pageReferenceOf', 'urlFor'],
    },
    mock: { file: `${MOCKS}/lightning/navigation.ts`, helpers: ['generateUrl', 'navigate', 'resetNavigationMocks'] },
  },
  'lightning/platformShowToastEvent': {
    app: { file: `${APP}/platformShowToastEvent.ts`, helpers: ['SHOW_TOAST_EVENT'] },
    mock: { file: `${MOCKS}/lightning/platformShowToastEvent.ts`, helpers: ['SHOW_TOAST_EVENT'] },
  },
  'lightning/actions': {
    app: { file: `${APP}/actions.ts`, helpers: ['CLOSE_ACTION_SCREEN_EVENT'] },
    mock: { file: `${MOCKS}/lightning/actions.ts`, helpers: ['CLOSE_ACTION_SCREEN_EVENT'] },
  },
  'lightning/confirm': {
    app: { file: `${APP}/confirm/confirm.ts` },
    mock: { file: `${MOCKS}/lightning/confirm.ts`, helpers: ['resetConfirmMock'] },
  },
  'lightning/refresh': {
    app: { file: `${APP}/refresh.ts`, helpers: ['REFRESH_EVENT'] },
    mock: 'sfdx-lwc-jest (its stub: registerRefreshHandler is a jest.fn)',
  },
  'lightning/modal': {
    app: 'lightning-base-components (the app bundles its LightningModal)',
    mock: { file: `${MOCKS}/lightning/modal.ts`, helpers: ['openModals'] },
  },
  '@salesforce/user/Id': { app: { file: `${APP}/userId.ts` }, mock: { file: `${MOCKS}/salesforce/userId.ts` } },
  '@salesforce/i18n/locale': { app: { file: `${APP}/i18n/locale.ts` }, mock: 'sfdx-lwc-jest (en-US)' },
  '@salesforce/i18n/currency': { app: { file: `${APP}/i18n/currency.ts` }, mock: 'sfdx-lwc-jest (USD)' },
  '@salesforce/i18n/timeZone': {
    app: { file: `${APP}/i18n/timeZone.ts` },
    mock: 'sfdx-lwc-jest (America/Los_Angeles)',
  },
};

/** Files of the app's platform folder that are its own plumbing, not a platform module. */
const APP_INTERNALS = [
  'api.ts',
  'session.ts',
  'recordFields.ts',
  'recordPages.ts',
  'recordPicker/recordPicker.ts',
  // The partner portal's addresses, shared by the navigation module and the shell's routes.
  'portal.ts',
  // Number and percent formats by field scale, shared by the shell's record and list pages.
  'numbers.ts',
];

const implementations = Object.values(MODULES).flatMap(({ app, mock }) =>
  [app, mock].filter((i): i is Implementation => typeof i !== 'string'),
);

/** One compiler program over the declarations (check/tsconfig.json) and every implementation. */
function compile(): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(CHECK, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error('check/tsconfig.json could not be read');
  const files = implementations.map((i) => join(REPO_ROOT, i.file));
  return ts.createProgram({ rootNames: [...parsed.fileNames, ...files], options: parsed.options });
}

const program = compile();
const checker = program.getTypeChecker();

/** The names a module exports as values (what a component can import), sorted. */
function valueExports(module: ts.Symbol): string[] {
  return checker
    .getExportsOfModule(module)
    .filter(
      (s) => ((s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s).flags & ts.SymbolFlags.Value) !== 0,
    )
    .map((s) => s.name)
    .sort();
}

/** The declared platform modules: name to the value names they export. */
function declaredModules(): Map<string, string[]> {
  const declared = new Map<string, string[]>();
  for (const module of checker.getAmbientModules()) {
    const name = module.name.replace(/^"|"$/g, '');
    if (/^(lightning|@salesforce)\//.test(name)) declared.set(name, valueExports(module));
  }
  return declared;
}

function implementationExports(implementation: Implementation): string[] {
  const source = program.getSourceFile(join(REPO_ROOT, implementation.file));
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`${implementation.file} is not a module`);
  return valueExports(module).filter((name) => !(implementation.helpers ?? []).includes(name));
}

const declared = declaredModules();

it('knows every declared platform module, and nothing else', () => {
  expect([...declared.keys()].sort()).toEqual(Object.keys(MODULES).sort());
});

describe.each(Object.entries(MODULES))('%s', (name, { app, mock }) => {
  it.each([
    ['the local app', app],
    ['the jest mock', mock],
  ])('%s exports exactly the declared names (besides its listed helpers)', (_who, implementation) => {
    if (typeof implementation === 'string') return;
    expect(implementationExports(implementation)).toEqual(declared.get(name));
  });
});

it('has an entry for every jest mock and every platform module of the app', () => {
  const files = (dir: string): string[] =>
    readdirSync(join(REPO_ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => relative(REPO_ROOT, join(REPO_ROOT, dir, f)));
  const known = new Set(implementations.map((i) => i.file));
  expect(files(MOCKS).filter((f) => !known.has(f))).toEqual([]);
  expect(files(APP).filter((f) => !known.has(f) && !APP_INTERNALS.includes(relative(APP, f)))).toEqual([]);
});

it('maps each module to its mock in the components jest project', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS
  const config = require(join(REPO_ROOT, 'jest.config.js')) as {
    projects: { displayName?: string; moduleNameMapper?: Record<string, string> }[];
  };
  const mapper = config.projects.find((p) => p.displayName === 'components')?.moduleNameMapper ?? {};
  const mapped = (name: string): string | undefined => {
    for (const [pattern, target] of Object.entries(mapper)) {
      const match = new RegExp(pattern).exec(name);
      if (match) return target.replace(/\$(\d)/g, (_all, n: string) => match[Number(n)]).replace('<rootDir>/', '');
    }
    return undefined;
  };
  for (const [name, { mock }] of Object.entries(MODULES)) {
    expect([name, mapped(name)]).toEqual([name, typeof mock === 'string' ? undefined : mock.file]);
  }
});

it('tells an implementation whose names drifted (a broken fixture)', () => {
  const drifted = implementationExports({ file: 'test/platform-surface/check/fixtures/missing-export.ts' });
  expect(drifted).toEqual(['CloseActionScreen']);
  expect(drifted).not.toEqual(declared.get('lightning/actions'));
});
