// KVM ioctls fail with an errno; the API here throws a KvmError carrying the
// same errno name and number, so a VMM written against Linux KVM maps 1:1.

export const EINVAL = 22;
export const ENOENT = 2;
export const EEXIST = 17;
export const EBUSY = 16;
export const ENXIO = 6;
export const ENODEV = 19;
export const EFAULT = 14;
export const EINTR = 4;
export const ENOMEM = 12;
export const E2BIG = 7;
export const EOPNOTSUPP = 95;

const NAMES: Record<number, string> = {
  [EINVAL]: 'EINVAL',
  [ENOENT]: 'ENOENT',
  [EEXIST]: 'EEXIST',
  [EBUSY]: 'EBUSY',
  [ENXIO]: 'ENXIO',
  [EFAULT]: 'EFAULT',
  [EINTR]: 'EINTR',
  [ENOMEM]: 'ENOMEM',
  [E2BIG]: 'E2BIG',
  [EOPNOTSUPP]: 'EOPNOTSUPP',
};

export class KvmError extends Error {
  constructor(
    readonly errno: number,
    message: string,
  ) {
    super(`${NAMES[errno] ?? `errno ${errno}`}: ${message}`);
  }
}
