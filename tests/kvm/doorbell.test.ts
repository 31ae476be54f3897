// msgsndp/msgclrp in a partition, as KVM-HV runs them: HFSCR[MSGP] is clear
// for guests, so both trap (HFAC) and the core emulates them
// (book3s_hv.c kvmppc_emulate_doorbell_instr): a server doorbell (message
// type 5) to thread 0 of the vCPU's one-thread virtual core rings the vCPU
// itself, msgclrp clears it, other types and threads do nothing; DPDES
// shows it; with MSR[EE] the directed privileged doorbell interrupt (0xa00)
// is taken, SRR0 after the instruction that enabled it, and consumes it.
// (QEMU 7.2 TCG is no oracle: its msgclrp leaves the doorbell pending and
// the guest then takes the interrupt forever.)

import { describe, expect, it } from 'vitest';
import { buildGuest } from '../harness/guests.js';
import { runGuestTskvm } from '../harness/run-guest.js';

const EXPECTED = [
  'DPDES at start: 0',
  'after msgsndp to thread 0: DPDES 1',
  'after msgclrp: DPDES 0',
  'msgsndp with message type 0: DPDES 0',
  'msgsndp to thread 1 (none): DPDES 0',
];

describe('directed privileged doorbells', () => {
  for (const endian of ['le', 'be'] as const) {
    for (const threshold of [-1, 0]) {
      it(`msgsndp/msgclrp/DPDES and the 0xa00 interrupt (${endian}, ${threshold < 0 ? 'interpreter' : 'blocks'})`, async () => {
        const t = await runGuestTskvm(buildGuest('doorbell', endian).bin, { blockThreshold: threshold });
        expect(t.end).toEqual({ kind: 'poweroff' });
        const lines = t.console.split('\n');
        expect(lines.slice(1, 6)).toEqual(EXPECTED);
        expect(lines[6]).toMatch(/^MSR\[EE\] set with a doorbell pending: vec=0xa00 srr0=fault\+4 srr1=[0-9a-f]{16} cause=00000000$/);
        expect(lines[7]).toBe('DPDES after the interrupt: 0');
      });
    }
  }
});
