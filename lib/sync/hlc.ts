/**
 * A hybrid logical clock (Kulkarni et al., 2014): a stamp is the wall-clock millisecond, a counter and the
 * device, so that
 * - a change made after this device has seen another change always gets a later stamp, whatever the two
 *   devices' clocks say (the clock never goes below what it has seen, and the counter breaks ties within a
 *   millisecond), and
 * - changes made on two devices that had not seen each other are ordered by their wall clocks, and ties by the
 *   device id, so every device orders every pair of stamps the same way.
 *
 * Stamps are strings that sort as they compare: `wwwwwwwwww.cccc.device` (wall ms and counter in base 36, fixed
 * width). A device whose clock is far ahead makes its concurrent edits win; `observe` reports how far ahead
 * a stamp is, so the user can be told (lib/sync/status).
 */

export interface HlcState {
  /** Wall-clock part of the last stamp (ms since the epoch). */
  wall: number;
  counter: number;
}

const WALL_WIDTH = 10;
const COUNTER_WIDTH = 4;
const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1;

export interface ParsedStamp {
  wall: number;
  counter: number;
  node: string;
}

export function formatStamp(wall: number, counter: number, node: string): string {
  return `${wall.toString(36).padStart(WALL_WIDTH, '0')}.${counter.toString(36).padStart(COUNTER_WIDTH, '0')}.${node}`;
}

const STAMP = /^([0-9a-z]{10})\.([0-9a-z]{4})\.([0-9A-Za-z_-]{1,40})$/;

export function parseStamp(stamp: string): ParsedStamp | null {
  const m = STAMP.exec(stamp);
  if (!m) return null;
  return {
    wall: Number.parseInt(m[1] as string, 36),
    counter: Number.parseInt(m[2] as string, 36),
    node: m[3] as string,
  };
}

export function isStamp(stamp: unknown): stamp is string {
  return typeof stamp === 'string' && STAMP.test(stamp);
}

/** The instant a stamp was made at, as its device's clock said. */
export function stampTime(stamp: string): Date | null {
  const p = parseStamp(stamp);
  return p ? new Date(p.wall) : null;
}

export class Hlc {
  private state: HlcState;

  constructor(
    readonly node: string,
    private readonly clock: () => number,
    state: HlcState = { wall: 0, counter: 0 },
  ) {
    if (!/^[0-9A-Za-z_-]{1,40}$/.test(node)) throw new RangeError('bad clock node id');
    this.state = { ...state };
  }

  /** The state to keep, so that the clock never goes back after a restart. */
  snapshot(): HlcState {
    return { ...this.state };
  }

  /** A new stamp, later than every stamp made or observed here before. */
  now(): string {
    const physical = this.clock();
    if (physical > this.state.wall) {
      this.state = { wall: physical, counter: 0 };
    } else if (this.state.counter < MAX_COUNTER) {
      this.state = { wall: this.state.wall, counter: this.state.counter + 1 };
    } else {
      // 1.7 million stamps in one millisecond: move on to the next one.
      this.state = { wall: this.state.wall + 1, counter: 0 };
    }
    return formatStamp(this.state.wall, this.state.counter, this.node);
  }

  /**
   * Takes in a stamp from another device, so later local stamps come after it. Returns by how many ms that
   * stamp is ahead of this device's own clock (0 when it is not).
   */
  observe(stamp: string): number {
    const p = parseStamp(stamp);
    if (!p) return 0;
    const physical = this.clock();
    if (p.wall > this.state.wall || (p.wall === this.state.wall && p.counter > this.state.counter)) {
      this.state = { wall: p.wall, counter: p.counter };
    }
    return Math.max(0, p.wall - physical);
  }
}
