/**
 * Plan Lens's marks and card act for the user only: a page's script can dispatch a click on Replace or
 * "Ignore … on this site", a key or a pointer event, but not a trusted one, and such an event is ignored.
 */
export const byUser =
  <E extends Event>(act: (e: E) => unknown) =>
  (e: E): void => {
    if (e.isTrusted) void act(e);
  };
