/** How long one hop takes at speed 1: slow enough to narrate over, fast enough to keep attention. */
export const HOP_MS = 1100;

/** The token moves for most of a hop and rests briefly on the node it reached. */
export const MOVE_FRACTION = 0.75;

/** A manual Step animates quickly: the learner asked for the next state now. */
export const STEP_MOVE_MS = 350;

/** Time from one step to the next while playing. The token departs so as to arrive on the tick. */
export function hopDelay(speed: number): number {
  return HOP_MS / speed;
}

/** How long the token travels along one edge while playing. */
export function moveDuration(speed: number): number {
  return (HOP_MS * MOVE_FRACTION) / speed;
}

/** Ease in and out, so the token visibly departs and arrives. */
export function easeInOut(t: number): number {
  return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
}
