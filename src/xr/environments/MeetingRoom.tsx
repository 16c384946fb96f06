import { useEffect, useMemo, type ReactNode } from 'react'
import { Figure, type FigureProps } from '../figures/Figure.tsx'
import { buildMeetingRoom } from './buildMeetingRoom.ts'
import { chairs, mirror } from './meetingRoomLayout.ts'

export interface MeetingRoomProps {
  /** Which future the room shows (see buildMeetingRoom). */
  future: 'unchanged' | 'changed'
  /** The mirror stands between the chairs. Default false. */
  mirrorShown?: boolean
  /** The future self's chair is there (it is hidden while the mirror shows the client's reflection in its place). Default true. */
  futureChairShown?: boolean
  /** What the mirror reflects besides the room: the client's own figure, placed in their chair. */
  children?: ReactNode
}

/**
 * The meeting room (buildMeetingRoom), built once per future. The mirror is a true reflection of what is behind the
 * client: a copy of the back wall, the client's chair and the client's own figure, mirrored in the glass plane
 * (scale −1 in z), so it shows the right parallax from any head position without rendering the scene twice.
 */
export function MeetingRoom({ future, mirrorShown = false, futureChairShown = true, children }: MeetingRoomProps) {
  const room = useMemo(() => buildMeetingRoom({ future }), [future])
  useEffect(() => () => room.dispose(), [room])
  const reflected = useMemo(() => ({ wall: room.backWall.clone(), chair: room.chairs.present.clone() }), [room])
  room.mirror.visible = mirrorShown
  room.chairs.future.visible = futureChairShown
  return (
    <>
      <primitive object={room.root} />
      {mirrorShown && (
        <group name="mirror-reflection" position-z={2 * mirror.z} scale={[1, 1, -1]}>
          <primitive object={reflected.wall} />
          <primitive object={reflected.chair} />
          <group position={[chairs.present.x, 0, chairs.present.z]} rotation-y={chairs.present.facingY}>
            {children}
          </group>
        </group>
      )}
    </>
  )
}

/** The client's reflection: their own figure, sitting, its head turning as the client's does. */
export function MirrorReflection({ look, afterPose }: Pick<FigureProps, 'look' | 'afterPose'>) {
  return <Figure look={look} pose="sit" afterPose={afterPose} />
}
