/** Loaded as board-parts.svelte.ts explains: for signed-in people only. */
const load = async () => {
  const [apply, flag, invitation] = await Promise.all([
    import('#lib/components/board/ApplyPanel.svelte'),
    import('#lib/components/board/FlagForm.svelte'),
    import('#lib/components/help-invitations/InvitationBanner.svelte'),
  ]);
  return { ApplyPanel: apply.default, FlagForm: flag.default, InvitationBanner: invitation.default };
};

let parts: Awaited<ReturnType<typeof load>> | null = $state.raw(
  import.meta.env.SSR || document.querySelector('header[data-signed-in]') ? await load() : null,
);

/** A request page's signed-in parts: raising a hand, the flag form, a volunteer's invitation banner. */
export const requestParts = {
  get current() {
    return parts;
  },
  async load() {
    parts ??= await load();
  },
};
