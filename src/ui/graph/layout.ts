import { STAGES, type StageName } from '../../engine';
import type { Hop, NodeId } from '../../store/path';

/**
 * The pipeline drawn in one of two orientations. Coordinates are React Flow's (unscaled); fitView
 * scales the whole drawing to the pane. All geometry is computed here, so the edges and the
 * travelling token follow exactly the same lines.
 *
 * Horizontal — a two-row snake that fits a 16:9 projector:
 *
 *   client → authentication → authorization → decoding → mutating admission
 *     ↑                                                          ↓
 *   etcd  ←  storage  ←  validating admission  ←  schema validation
 *
 * Responses ride the lane between the rows back to the client.
 *
 * Vertical — one column, top to bottom, for phones (a narrow pane would shrink the snake to an
 * unreadable strip). Responses ride lanes on the right back up to the client.
 */
export type Orientation = 'horizontal' | 'vertical';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface EdgeGeometry {
  readonly id: string;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly kind: Hop['kind'];
  readonly points: readonly Point[];
  /** Where a status label sits on a response edge. */
  readonly labelAt: Point;
}

export interface PipelineLayout {
  readonly orientation: Orientation;
  readonly nodeWidth: number;
  readonly nodeHeight: number;
  /** Top-left corner of each node, as React Flow positions nodes. */
  readonly positions: Readonly<Record<NodeId, Point>>;
  /** The request edges, always drawn: client → each stage → etcd. */
  readonly forwardEdges: readonly EdgeGeometry[];
  /** Every response edge: etcd → client, and one from each stage for when it ends the request. */
  readonly responseEdges: readonly EdgeGeometry[];
}

export const NODE_IDS: readonly NodeId[] = ['client', ...STAGES, 'etcd'];

/** What each orientation decides: where nodes sit and how lines run between them. */
interface Shape {
  readonly orientation: Orientation;
  readonly width: number;
  readonly height: number;
  readonly positions: Readonly<Record<NodeId, Point>>;
  forward(from: NodeId, to: NodeId): Point[];
  response(from: NodeId): Point[];
  /** Moves a label off a line where it would sit under the token. */
  labelOffset(from: NodeId): Point;
}

function buildLayout(shape: Shape): PipelineLayout {
  const geometry = (from: NodeId, to: NodeId, kind: Hop['kind']): EdgeGeometry => {
    const points = kind === 'request' ? shape.forward(from, to) : shape.response(from);
    const middle = midpointOfLongestSegment(points);
    const offset = kind === 'response' ? shape.labelOffset(from) : { x: 0, y: 0 };
    const labelAt = { x: middle.x + offset.x, y: middle.y + offset.y };
    return { id: `${from}->${to}`, from, to, kind, points, labelAt };
  };
  return {
    orientation: shape.orientation,
    nodeWidth: shape.width,
    nodeHeight: shape.height,
    positions: shape.positions,
    forwardEdges: NODE_IDS.slice(1).map((to, i) => geometry(NODE_IDS[i] as NodeId, to, 'request')),
    responseEdges: [
      geometry('etcd', 'client', 'response'),
      ...STAGES.map((stage: StageName) => geometry(stage, 'client', 'response')),
    ],
  };
}

/* ---------- Horizontal: the two-row snake ---------- */

export const NODE_WIDTH = 196;
export const NODE_HEIGHT = 104;
const GAP_X = 40;
const GAP_Y = 100;
const ROW2_Y = NODE_HEIGHT + GAP_Y;
const LANE_Y = NODE_HEIGHT + GAP_Y / 2;
/** Failure responses enter the client here, right of the etcd response's entry. */
const RETURN_X = NODE_WIDTH * 0.72;

const column = (c: number) => c * (NODE_WIDTH + GAP_X);

const SNAKE: Readonly<Record<NodeId, Point>> = {
  client: { x: column(0), y: 0 },
  authentication: { x: column(1), y: 0 },
  authorization: { x: column(2), y: 0 },
  decoding: { x: column(3), y: 0 },
  mutatingAdmission: { x: column(4), y: 0 },
  schemaValidation: { x: column(3), y: ROW2_Y },
  validatingAdmission: { x: column(2), y: ROW2_Y },
  storage: { x: column(1), y: ROW2_Y },
  etcd: { x: column(0), y: ROW2_Y },
};

const isTopRow = (node: NodeId) => SNAKE[node].y === 0;
const centerX = (node: NodeId) => SNAKE[node].x + NODE_WIDTH / 2;
const middleY = (node: NodeId) => SNAKE[node].y + NODE_HEIGHT / 2;

const HORIZONTAL_SHAPE: Shape = {
  orientation: 'horizontal',
  width: NODE_WIDTH,
  height: NODE_HEIGHT,
  positions: SNAKE,
  /** Along a row, or the wrap down the right side. */
  forward(from, to) {
    const a = SNAKE[from];
    const b = SNAKE[to];
    if (a.y === b.y) {
      // Along a row: right side → left side (top row) or left side → right side (bottom row).
      const goingRight = b.x > a.x;
      return [
        { x: goingRight ? a.x + NODE_WIDTH : a.x, y: middleY(from) },
        { x: goingRight ? b.x : b.x + NODE_WIDTH, y: middleY(to) },
      ];
    }
    // The wrap: out of the bottom, down to the next row, into its right side.
    return [
      { x: centerX(from), y: a.y + NODE_HEIGHT },
      { x: centerX(from), y: middleY(to) },
      { x: b.x + NODE_WIDTH, y: middleY(to) },
    ];
  },
  /** etcd straight up; any stage along the lane between the rows. */
  response(from) {
    const client = SNAKE.client;
    if (from === 'etcd') {
      return [
        { x: centerX('etcd') - 24, y: SNAKE.etcd.y },
        { x: centerX('client') - 24, y: client.y + NODE_HEIGHT },
      ];
    }
    const a = SNAKE[from];
    const startX = centerX(from) - 28;
    return [
      { x: startX, y: isTopRow(from) ? a.y + NODE_HEIGHT : a.y },
      { x: startX, y: LANE_Y },
      { x: client.x + RETURN_X, y: LANE_Y },
      { x: client.x + RETURN_X, y: client.y + NODE_HEIGHT },
    ];
  },
  // The etcd → client line is short and vertical: its label sits beside it, clear of the token.
  labelOffset: (from) => (from === 'etcd' ? { x: -34, y: 0 } : { x: 0, y: 0 }),
};

/* ---------- Vertical: one column ---------- */

/** Wider and shorter than the snake's nodes: the outcome shares a line with the question. */
const V_WIDTH = 300;
const V_HEIGHT = 54;
const V_GAP = 22;
/** The request line runs down the right of each card, clear of the titles on the left. */
const V_LINE_X = V_WIDTH - 36;
/** Failure responses run up the inner lane; etcd's response up the outer one, so they never cross. */
const V_FAIL_LANE = V_WIDTH + 22;
const V_ETCD_LANE = V_WIDTH + 46;

const COLUMN: Readonly<Record<NodeId, Point>> = Object.fromEntries(
  NODE_IDS.map((node, i) => [node, { x: 0, y: i * (V_HEIGHT + V_GAP) }]),
) as Record<NodeId, Point>;

const VERTICAL_SHAPE: Shape = {
  orientation: 'vertical',
  width: V_WIDTH,
  height: V_HEIGHT,
  positions: COLUMN,
  /** Straight down, bottom edge to top edge. */
  forward(from, to) {
    return [
      { x: V_LINE_X, y: COLUMN[from].y + V_HEIGHT },
      { x: V_LINE_X, y: COLUMN[to].y },
    ];
  },
  /** Out of the right side, up a lane, into the client's right side. */
  response(from) {
    const lane = from === 'etcd' ? V_ETCD_LANE : V_FAIL_LANE;
    const entry = COLUMN.client.y + V_HEIGHT * (from === 'etcd' ? 0.3 : 0.7);
    const exit = COLUMN[from].y + V_HEIGHT / 2;
    return [
      { x: V_WIDTH, y: exit },
      { x: lane, y: exit },
      { x: lane, y: entry },
      { x: V_WIDTH, y: entry },
    ];
  },
  labelOffset: () => ({ x: 0, y: 0 }),
};

export const PIPELINE_LAYOUTS: Readonly<Record<Orientation, PipelineLayout>> = {
  horizontal: buildLayout(HORIZONTAL_SHAPE),
  vertical: buildLayout(VERTICAL_SHAPE),
};

/** The horizontal layout's parts, for code that only ever draws the snake. */
export const NODE_POSITIONS = PIPELINE_LAYOUTS.horizontal.positions;
export const FORWARD_EDGES = PIPELINE_LAYOUTS.horizontal.forwardEdges;
export const RESPONSE_EDGES = PIPELINE_LAYOUTS.horizontal.responseEdges;

const EDGE_INDEX = new Map(
  Object.values(PIPELINE_LAYOUTS).map((layout) => [
    layout,
    new Map([...layout.forwardEdges, ...layout.responseEdges].map((e) => [e.id, e])),
  ]),
);

/** The geometry of the edge a hop travels. */
export function edgeOf(
  hop: Pick<Hop, 'from' | 'to'>,
  layout: PipelineLayout = PIPELINE_LAYOUTS.horizontal,
): EdgeGeometry | undefined {
  return EDGE_INDEX.get(layout)?.get(`${hop.from}->${hop.to}`);
}

/** Where the token rests after `step` hops: the end of the last edge, or the client's exit. */
export function restPoint(
  hops: readonly Hop[],
  step: number,
  layout: PipelineLayout = PIPELINE_LAYOUTS.horizontal,
): Point {
  const hop = step <= 0 ? undefined : hops[Math.min(step, hops.length) - 1];
  if (hop === undefined) return layout.forwardEdges[0]?.points[0] ?? { x: 0, y: 0 };
  const points = edgeOf(hop, layout)?.points ?? [];
  return points[points.length - 1] ?? { x: 0, y: 0 };
}

/** SVG path data for a polyline, with softly rounded corners. */
export function polylinePath(points: readonly Point[], radius = 12): string {
  const first = points[0];
  if (first === undefined) return '';
  let d = `M ${first.x} ${first.y}`;
  for (let i = 1; i < points.length; i++) {
    const p = points[i] as Point;
    const next = points[i + 1];
    const prev = points[i - 1] as Point;
    if (next === undefined) {
      d += ` L ${p.x} ${p.y}`;
      continue;
    }
    const r = Math.min(radius, distance(prev, p) / 2, distance(p, next) / 2);
    const before = towards(p, prev, r);
    const after = towards(p, next, r);
    d += ` L ${before.x} ${before.y} Q ${p.x} ${p.y} ${after.x} ${after.y}`;
  }
  return d;
}

function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** The point `length` away from `from` in the direction of `to`. */
function towards(from: Point, to: Point, length: number): Point {
  const d = distance(from, to);
  if (d === 0) return from;
  return { x: from.x + ((to.x - from.x) * length) / d, y: from.y + ((to.y - from.y) * length) / d };
}

/** The point at fraction `t` (0…1) of a polyline's length: how the token moves at even speed. */
export function pointAlong(points: readonly Point[], t: number): Point {
  const first = points[0];
  if (first === undefined) return { x: 0, y: 0 };
  const lengths = points.slice(1).map((p, i) => distance(points[i] as Point, p));
  const total = lengths.reduce((a, b) => a + b, 0);
  let remaining = Math.max(0, Math.min(1, t)) * total;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i] as number;
    if (remaining <= length || i === lengths.length - 1) {
      return towards(points[i] as Point, points[i + 1] as Point, Math.min(remaining, length));
    }
    remaining -= length;
  }
  return points[points.length - 1] ?? first;
}

function midpointOfLongestSegment(points: readonly Point[]): Point {
  let best: [Point, Point] | undefined;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    if (best === undefined || distance(a, b) > distance(best[0], best[1])) best = [a, b];
  }
  if (best === undefined) return points[0] ?? { x: 0, y: 0 };
  return { x: (best[0].x + best[1].x) / 2, y: (best[0].y + best[1].y) / 2 };
}
