import { describe, expect, it } from 'vitest';
import {
  edgeOf,
  FORWARD_EDGES,
  NODE_IDS,
  NODE_POSITIONS,
  PIPELINE_LAYOUTS,
  pointAlong,
  polylinePath,
  restPoint,
} from '../../../src/ui/graph/layout';

describe('The pipeline layout', () => {
  it('chains the request edges from the client to etcd', () => {
    expect(FORWARD_EDGES.map((e) => e.id)).toEqual([
      'client->authentication',
      'authentication->authorization',
      'authorization->decoding',
      'decoding->mutatingAdmission',
      'mutatingAdmission->schemaValidation',
      'schemaValidation->validatingAdmission',
      'validatingAdmission->storage',
      'storage->etcd',
    ]);
  });

  it('puts etcd under the client, closing the loop', () => {
    expect(NODE_POSITIONS.etcd.x).toBe(NODE_POSITIONS.client.x);
    expect(NODE_POSITIONS.etcd.y).toBeGreaterThan(NODE_POSITIONS.client.y);
  });

  it('has a response edge back to the client from every stage', () => {
    expect(edgeOf({ from: 'authorization', to: 'client' })?.kind).toBe('response');
    expect(edgeOf({ from: 'etcd', to: 'client' })?.kind).toBe('response');
  });

  it('rests the token where the last hop ended', () => {
    const hops = [{ from: 'client', to: 'authentication', kind: 'request' }] as const;
    const end = edgeOf(hops[0])?.points.at(-1);
    expect(restPoint(hops, 1)).toEqual(end);
    expect(restPoint(hops, 0)).toEqual(edgeOf(hops[0])?.points[0]);
  });
});

describe('pointAlong', () => {
  const points = [
    { x: 0, y: 0 },
    { x: 10, y: 0 },
    { x: 10, y: 10 },
  ];

  it('moves at even speed across corners', () => {
    expect(pointAlong(points, 0)).toEqual({ x: 0, y: 0 });
    expect(pointAlong(points, 0.5)).toEqual({ x: 10, y: 0 });
    expect(pointAlong(points, 0.75)).toEqual({ x: 10, y: 5 });
    expect(pointAlong(points, 1)).toEqual({ x: 10, y: 10 });
  });

  it('draws rounded corners that start and end on the polyline', () => {
    expect(polylinePath(points)).toMatch(/^M 0 0 L 5 0 Q 10 0 10 5 L 10 10$/);
  });
});

describe('The vertical pipeline layout (small screens)', () => {
  const layout = PIPELINE_LAYOUTS.vertical;

  it('stacks the nodes top to bottom in pipeline order, in one column', () => {
    const ys = NODE_IDS.map((node) => layout.positions[node].y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(new Set(ys).size).toBe(NODE_IDS.length);
    expect(new Set(NODE_IDS.map((node) => layout.positions[node].x))).toEqual(new Set([0]));
  });

  it('runs every request edge straight down', () => {
    for (const edge of layout.forwardEdges) {
      const [start, end] = edge.points;
      expect(start?.x).toBe(end?.x);
      expect(end?.y).toBeGreaterThan(start?.y ?? Number.POSITIVE_INFINITY);
    }
  });

  it('returns responses up lanes right of the column, into the client', () => {
    const client = layout.positions.client;
    for (const edge of layout.responseEdges) {
      const end = edge.points.at(-1);
      expect(end?.x).toBe(client.x + layout.nodeWidth);
      expect(end?.y).toBeGreaterThan(client.y);
      expect(end?.y).toBeLessThan(client.y + layout.nodeHeight);
      expect(Math.max(...edge.points.map((p) => p.x))).toBeGreaterThan(layout.nodeWidth);
    }
  });

  it('keeps its own edges: the token follows the vertical lines', () => {
    const hop = { from: 'client', to: 'authentication', kind: 'request' } as const;
    expect(edgeOf(hop, layout)?.points).toEqual(layout.forwardEdges[0]?.points);
    expect(restPoint([hop], 1, layout)).toEqual(layout.forwardEdges[0]?.points.at(-1));
    expect(edgeOf(hop)?.points).not.toEqual(edgeOf(hop, layout)?.points);
  });
});
