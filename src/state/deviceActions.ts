/** What the settings screen does to the device: the retention period and erasing everything. */
import { eraseDevice } from '../storage/eraseDevice.ts'
import { purgeExpiredSessions } from '../storage/retention.ts'
import { initialAppState, refreshSessions, useApp } from './appStore.ts'

const set = useApp.setState
const get = useApp.getState

export async function setRetentionDays(days: number) {
  const store = get().store
  if (!store) return
  await store.setSetting('retentionDays', days)
  await purgeExpiredSessions(store)
  await refreshSessions()
}

export async function eraseEverything() {
  const { store, running } = get()
  running?.runtime.stop()
  let sessions = 0
  let events = 0
  if (store) {
    const all = await store.listSessions()
    sessions = all.length
    events = all.reduce((n, s) => n + s.eventCount, 0)
    store.close()
  }
  try {
    const report = await eraseDevice()
    useApp.setState({ ...initialAppState, scenes: get().scenes, lobbySetting: get().lobbySetting, screen: { name: 'erased', report: { ...report, sessions, events } } })
  } catch (cause) {
    set({ error: cause instanceof Error ? cause.message : String(cause) })
  }
}
