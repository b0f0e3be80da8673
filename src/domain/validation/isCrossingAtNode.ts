/*
 * Whether two rings that meet at a node cross there or only touch, from the four edges at the
 * node: ring A arrives from a0 and leaves to a1, ring B from b0 to b1. They cross when b0 and b1
 * lie on different sides of A's two edges, i.e. one inside the angle a0-node-a1 and one outside
 * (JTS PolygonNodeTopology.isCrossing). An edge of B along an edge of A is not a crossing here;
 * collinear overlaps are found separately.
 */

function angle(nodeX: number, nodeY: number, x: number, y: number): number {
  const theta = Math.atan2(y - nodeY, x - nodeX);
  return theta < 0 ? theta + 2 * Math.PI : theta;
}

type Point = readonly [number, number];

export function isCrossingAtNode(node: Point, a0: Point, a1: Point, b0: Point, b1: Point): boolean {
  const [nx, ny] = node;
  let low = angle(nx, ny, a0[0], a0[1]);
  let high = angle(nx, ny, a1[0], a1[1]);
  if (low > high) [low, high] = [high, low];
  const side = (point: Point): number => {
    const theta = angle(nx, ny, point[0], point[1]);
    if (theta === low || theta === high) return 0;
    return theta > low && theta < high ? 1 : -1;
  };
  const side0 = side(b0);
  if (side0 === 0) return false;
  const side1 = side(b1);
  if (side1 === 0) return false;
  return side0 !== side1;
}
