/** A ring filled to `fraction` (0..1), drawn in SVG so it stays sharp at any size. */
export function ProgressRing({ fraction, color }: { fraction: number; color: string }) {
  const radius = 42;
  const circumference = 2 * Math.PI * radius;
  const filled = Math.max(0, Math.min(1, fraction)) * circumference;
  return (
    <svg className="progress-ring" viewBox="0 0 100 100" aria-hidden="true">
      <circle cx="50" cy="50" r={radius} className="progress-ring-track" />
      <circle
        cx="50" cy="50" r={radius}
        className="progress-ring-fill"
        style={{ stroke: color }}
        strokeDasharray={`${filled} ${circumference - filled}`}
        transform="rotate(-90 50 50)"
      />
    </svg>
  );
}
