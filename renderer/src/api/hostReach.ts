import { ref } from 'vue'
import type { HostReach } from './httpTransport'

/** What the web host's last answer said about this tab; the desktop app is always 'ok'. */
export const hostReach = ref<HostReach>('ok')

export const setHostReach = (reach: HostReach): void => {
  hostReach.value = reach
}
