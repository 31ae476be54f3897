// What the hypervisor needs from its host, and nothing Node-specific: a way
// to let other work run (other vCPUs, the VMM's I/O) during a long run(), to
// sleep until a timer or a kick, and a clock. The Node adapter
// (src/platform/node/) passes setImmediate; a browser keeps the defaults.

export interface HostPlatform {
  /** Let the host's event loop run, then continue. */
  yieldToHost(): Promise<void>;
  /** Resolve after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
  /** Milliseconds, monotonic. */
  now(): number;
}

export const defaultPlatform: HostPlatform = {
  yieldToHost: () => new Promise((r) => setTimeout(r, 0)),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  now: () => globalThis.performance.now(),
};
