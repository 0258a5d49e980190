import type { SubmitFunction } from '$app/forms';

/**
 * `use:enhance={keepTyped}`: the page takes the answer as without JavaScript, but the form is not
 * emptied, so a refused form still shows what was typed and a saved one what was saved.
 */
export const keepTyped: SubmitFunction =
  () =>
  async ({ update }) =>
    update({ reset: false });
