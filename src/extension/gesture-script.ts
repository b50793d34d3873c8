// Scripts run on the strength of a user's gesture (activeTab: the toolbar button, a menu item, a shortcut).
// Chrome was seen refusing such a run just after the gesture ("Cannot access contents of the page") and
// allowing the same run a moment later, about one time in four in tests/e2e/browser-ui.e2e.ts: the grant
// can land after the event that carries it. So a refusal is tried again, briefly, before it is final.
const RETRY_DELAYS_MS = [100, 250, 500];

const isAccessRefusal = (error: unknown) => /Cannot access contents of/i.test(String(error));

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `run` (a scripting call), again after a short wait each time the page's access is refused. */
export async function onGesture<T>(run: () => Promise<T>, wait: (ms: number) => Promise<void> = pause): Promise<T> {
  for (const delay of RETRY_DELAYS_MS) {
    try {
      return await run();
    } catch (error) {
      if (!isAccessRefusal(error)) throw error;
      await wait(delay);
    }
  }
  return run();
}
