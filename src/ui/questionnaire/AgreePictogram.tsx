import './checkIn.css'
/**
 * The pictogram of one point of an agree scale: crosses for disagreeing, a dash for the middle, ticks for agreeing.
 * Neutral on purpose: a smiling face would say that agreeing is good, and for a friction statement it is not.
 */
export function AgreePictogram({ point, points }: { point: number; points: number }) {
  const middle = (points + 1) / 2
  const strength = Math.round(Math.abs(point - middle) * (points > 5 ? 2 / (points - middle) : 1))
  const marks = Math.max(1, Math.min(2, strength))
  const agree = point > middle
  const neutral = point === middle
  const xs = marks === 1 ? [16] : [9, 23]
  return (
    <svg viewBox="0 0 32 20" width="40" height="25" aria-hidden="true" className="agree-pictogram" data-pictogram={neutral ? 'neutral' : agree ? `agree-${marks}` : `disagree-${marks}`}>
      {neutral ? (
        <line x1={9} y1={10} x2={23} y2={10} stroke="currentColor" strokeWidth={3} strokeLinecap="round" />
      ) : agree ? (
        xs.map((x) => <polyline key={x} points={`${x - 6},10 ${x - 2},15 ${x + 6},4`} fill="none" stroke="currentColor" strokeWidth={3} strokeLinecap="round" strokeLinejoin="round" />)
      ) : (
        xs.map((x) => (
          <g key={x} stroke="currentColor" strokeWidth={3} strokeLinecap="round">
            <line x1={x - 5} y1={5} x2={x + 5} y2={15} />
            <line x1={x + 5} y1={5} x2={x - 5} y2={15} />
          </g>
        ))
      )}
    </svg>
  )
}
