/**
 * Electron does not wait for async work in quit handlers. This holds the first quit, shuts the
 * services down (finish or cancel jobs, close project files cleanly), then quits for real.
 * A shutdown that hangs or throws must not keep the app alive, hence the timeout.
 */
export interface QuitEvent {
  preventDefault(): void;
}

export function createQuitGuard(opts: {
  shutdown: () => Promise<void>;
  quit: () => void;
  onError?: (err: unknown) => void;
  timeoutMs?: number;
}): (event: QuitEvent) => void {
  let state: 'running' | 'stopping' | 'done' = 'running';
  return (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'stopping') return;
    state = 'stopping';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, opts.timeoutMs ?? 5000);
    });
    Promise.race([opts.shutdown(), timeout])
      .catch((err: unknown) => opts.onError?.(err))
      .finally(() => {
        clearTimeout(timer);
        state = 'done';
        opts.quit();
      });
  };
}
