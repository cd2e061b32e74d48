/**
 * The GraphQL documents of c/planData (every `*_QUERY` its plans, targets, actions and catalog modules
 * export), loaded in node with `gql` as the app's and the jest mock's: it keeps the text, so tests can send
 * the components' exact documents to the local org.
 */
/**
 * Mocks `lightning/graphql` for the modules a test loads next (jest.requireActual): `gql` keeps the document's
 * text, as the app's module and the component tests' mock do.
 */
export function mockGqlKeepingText(): void {
  jest.doMock(
    'lightning/graphql',
    () => ({
      gql: (strings: TemplateStringsArray, ...values: unknown[]) => ({
        kind: 'Document',
        source: String.raw({ raw: strings }, ...values),
      }),
    }),
    { virtual: true },
  );
}

/** c/planData's document modules, loaded with `gql` as the app's and the jest mock's: it keeps the text. */
export function componentDocuments(): Record<string, { source: string }> {
  mockGqlKeepingText();
  jest.doMock(
    '@salesforce/label/c.Partner_Planning_Request_Failed',
    () => ({ __esModule: true, default: 'Request failed' }),
    { virtual: true },
  );
  // c/planYear has no platform imports: the real module, as the jobs use it.
  jest.doMock('c/planYear', () => jest.requireActual('../../force-app/main/default/lwc/planYear/planYear'), {
    virtual: true,
  });
  const documents: Record<string, { source: string }> = {};
  for (const name of ['plans', 'targets', 'actions', 'catalog']) {
    const module = jest.requireActual<Record<string, unknown>>(`../../force-app/main/default/lwc/planData/${name}`);
    for (const [key, value] of Object.entries(module))
      if (key.endsWith('_QUERY')) documents[key] = value as { source: string };
  }
  return documents;
}
