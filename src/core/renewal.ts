/**
 * Single-flight credential renewal: however many calls hit a 401 at once, `renew` runs once and they
 * all wait for that one outcome. A renewal that throws counts as "not renewed", so callers fall back
 * to the original 401 instead of an unrelated refresh error. The next 401 after it settles renews again.
 *
 * @example
 * const renewOnce = createRenewal(() => client.auth.refresh().then(() => true));
 * if (response.status === 401 && (await renewOnce())) response = await sendAgain();
 */
export function createRenewal(renew: () => Promise<boolean>): () => Promise<boolean> {
  let inflight: Promise<boolean> | undefined;
  return () =>
    (inflight ??= renew()
      .catch(() => false)
      .finally(() => {
        inflight = undefined;
      }));
}
