/** The pages the shell loads on demand (modules/shell/app/lazyPages.ts), by the names the app build resolves. */
declare module 'shell/reportsPage' {
  const Page: typeof import('lwc').LightningElement;
  export default Page;
}
declare module 'shell/reportPage' {
  const Page: typeof import('lwc').LightningElement;
  export default Page;
}
declare module 'shell/dashboardPage' {
  const Page: typeof import('lwc').LightningElement;
  export default Page;
}
declare module 'c/programOverview' {
  const Page: typeof import('lwc').LightningElement;
  export default Page;
}
