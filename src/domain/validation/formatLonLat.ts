/** "[102.730000, 24.990000]": a place on the map printed the same way whatever the file's coordinates were (6 decimals ≈ 0.1 m). */
export function formatLonLat(location: readonly [number, number]): string {
  return `[${location.map((degrees) => degrees.toFixed(6)).join(', ')}]`;
}
