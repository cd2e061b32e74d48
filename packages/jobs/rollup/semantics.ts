/**
 * The metric reading rules the rollup applies: the one implementation, which the components import too as
 * `c/metricSemantics`. It lives in force-app because a Lightning web component cannot import a node
 * package, while node code can import a dependency-free component module; so the rollup and the screens
 * cannot disagree about what a figure means.
 */
// eslint-disable-next-line import/no-relative-packages -- a component service module with no imports, shared with the components (see above)
export * from '../../../force-app/main/default/lwc/metricSemantics/metricSemantics';
