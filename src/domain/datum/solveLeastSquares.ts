/**
 * The x minimising |A x − b|² by Householder QR (Golub & Van Loan, Matrix Computations, §5.3),
 * which stays accurate where the normal equations lose half the digits: the design matrices of
 * a 7-parameter fit hold geocentric coordinates of 6·10⁶ m beside ones. Columns are scaled to
 * unit length first. Undefined when A has fewer rows than columns or is rank-deficient.
 */
export function solveLeastSquares(rows: readonly (readonly number[])[], rhs: readonly number[]): number[] | undefined {
  const m = rows.length;
  const n = rows[0]?.length ?? 0;
  if (m < n || n === 0) return undefined;
  const a = rows.map((row) => [...row]);
  const b = [...rhs];
  const at = (i: number, j: number): number => a[i]?.[j] ?? 0;
  const set = (i: number, j: number, value: number): void => {
    const row = a[i];
    if (row) row[j] = value;
  };
  const scale = Array.from({ length: n }, (_, j) => Math.hypot(...a.map((row) => row[j] ?? 0)) || 1);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) set(i, j, at(i, j) / (scale[j] ?? 1));

  for (let k = 0; k < n; k++) {
    let norm = 0;
    for (let i = k; i < m; i++) norm = Math.hypot(norm, at(i, k));
    if (norm < 1e-12) return undefined;
    const alpha = at(k, k) > 0 ? -norm : norm;
    const v = Array.from({ length: m }, (_, i) => (i < k ? 0 : at(i, k)));
    v[k] = (v[k] ?? 0) - alpha;
    const vNorm2 = v.reduce((sum, value) => sum + value * value, 0);
    if (vNorm2 === 0) continue;
    for (let j = k; j < n; j++) {
      let dot = 0;
      for (let i = k; i < m; i++) dot += (v[i] ?? 0) * at(i, j);
      const factor = (2 * dot) / vNorm2;
      for (let i = k; i < m; i++) set(i, j, at(i, j) - factor * (v[i] ?? 0));
    }
    let dot = 0;
    for (let i = k; i < m; i++) dot += (v[i] ?? 0) * (b[i] ?? 0);
    const factor = (2 * dot) / vNorm2;
    for (let i = k; i < m; i++) b[i] = (b[i] ?? 0) - factor * (v[i] ?? 0);
  }
  const x = new Array<number>(n).fill(0);
  for (let k = n - 1; k >= 0; k--) {
    let sum = b[k] ?? 0;
    for (let j = k + 1; j < n; j++) sum -= at(k, j) * (x[j] ?? 0);
    x[k] = sum / at(k, k);
  }
  return x.map((value, j) => value / (scale[j] ?? 1));
}
