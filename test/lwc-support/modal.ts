/** Test handle on the lightning/modal mock (the same module instance the components get in jest). */
export { openModals } from '../lwc-mocks/lightning/modal';
