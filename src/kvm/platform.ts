// What the hypervisor needs from its host, and nothing Node-specific: a way
// to let other work run (other vCPUs, the VMM's I/O) during a long run(), to
// sleep until a timer or a kick, and a clock.
//
// Yielding is a macrotask without a timer: setTimeout(0) waits at least
// 1 ms in Node (4 ms in browsers once nested), which a vCPU yielding every
// 20 ms paid as 5 % of its time. setImmediate where there is one (Node),
// else a MessageChannel message (browsers), else setTimeout.

export interface HostPlatform {
  /** Let the host's event loop run, then continue. */
  yieldToHost(): Promise<void>;
  /** Resolve after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
  /** Milliseconds, monotonic. */
  now(): number;
}

type Macrotask = (f: () => void) => void;

function macrotask(): Macrotask {
  const g = globalThis as { setImmediate?: (f: () => void) => unknown; MessageChannel?: typeof MessageChannel };
  if (typeof g.setImmediate === 'function') return (f) => void g.setImmediate!(f);
  if (typeof g.MessageChannel === 'function') {
    const ch = new g.MessageChannel();
    const queue: Array<() => void> = [];
    ch.port1.onmessage = () => queue.shift()?.();
    return (f) => {
      queue.push(f);
      ch.port2.postMessage(0);
    };
  }
  return (f) => void setTimeout(f, 0);
}

const nextMacrotask = macrotask();

export const defaultPlatform: HostPlatform = {
  yieldToHost: () => new Promise((r) => nextMacrotask(r)),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  now: () => globalThis.performance.now(),
};
