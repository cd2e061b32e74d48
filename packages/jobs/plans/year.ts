/**
 * A plan's year (fiscal periods, annual splits, rollover and template blueprints, review dates): the one
 * implementation, which the components import too as `c/planYear`. It lives in force-app because a
 * Lightning web component cannot import a node package, while node code can import a dependency-free
 * component module; so `npm run plans` and the screens build the same plan.
 */
// eslint-disable-next-line import/no-relative-packages -- a component service module with no imports, shared with the components (see above)
export * from '../../../force-app/main/default/lwc/planYear/planYear';
