// The machine console's input from the process's stdin (tskvm run): raw
// mode on a terminal, so keys reach the guest as typed (Ctrl-C included);
// Ctrl-A x quits and Ctrl-A h lists the keys, as in QEMU's -nographic;
// Ctrl-A Ctrl-A sends one Ctrl-A; Ctrl-A n dumps the nested guests' shadow
// page tables (what KVM's debugfs 'radix' file shows).

import type { ConsoleInput } from '../../cli/run.js';

export function stdinConsole(onQuit: () => void): ConsoleInput {
  const stdin = process.stdin;
  let handler: ((b: Buffer) => void) | undefined;
  let escape = false;
  return {
    attach(deliver, monitor) {
      if (stdin.isTTY) stdin.setRawMode(true);
      handler = (b: Buffer) => {
        const out: number[] = [];
        for (const c of b) {
          if (escape) {
            escape = false;
            if (c === 0x78 /* x */) return onQuit();
            if (c === 0x68 /* h */) {
              process.stderr.write('\r\nC-a h    print this help\r\nC-a x    exit tskvm\r\nC-a n    dump the nested guests\' shadow PTEs (KVM debugfs radix)\r\nC-a C-a  sends C-a\r\n');
              continue;
            }
            if (c === 0x6e /* n */) {
              monitor?.('n');
              continue;
            }
            if (c !== 0x01) out.push(0x01);
          } else if (c === 0x01 && stdin.isTTY) {
            escape = true;
            continue;
          }
          out.push(c);
        }
        if (out.length) deliver(Uint8Array.from(out));
      };
      stdin.on('data', handler);
      stdin.resume();
    },
    detach() {
      if (handler) stdin.off('data', handler);
      handler = undefined;
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
    },
  };
}
