// Set by esbuild's `define` (frontend/build.mjs): true only in the bundles the tests and the benchmark load.
declare const TEST_HOOKS: boolean;

interface HTMLElement {
  /** The component's state, exposed to the tests and the benchmark in the bundles built with TEST_HOOKS. */
  bjx?: object;
}
