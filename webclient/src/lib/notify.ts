// Browser notifications (Notification API): off until the person turns them on and the browser allows them.
import { ref } from 'vue'

const KEY = 'xt.notify'

function saved(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on'
  } catch {
    return false
  }
}

/** The setting (this browser): on only after the person asked for it and the browser granted permission. */
export const notifyEnabled = ref(saved() && supported() && Notification.permission === 'granted')

export function supported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window
}

/** Turn notifications on (asking the browser once) or off; resolves to the resulting state. */
export async function setNotify(on: boolean): Promise<boolean> {
  let granted = false
  if (on && supported()) {
    granted = Notification.permission === 'granted' || (await Notification.requestPermission()) === 'granted'
  }
  notifyEnabled.value = on && granted
  try {
    localStorage.setItem(KEY, notifyEnabled.value ? 'on' : 'off')
  } catch {
    /* storage may be unavailable */
  }
  return notifyEnabled.value
}

/** Show one notification when enabled; the tag folds repeats of the same item into one. */
export function notify(title: string, body: string, tag: string, onClick?: () => void): void {
  if (!notifyEnabled.value || !supported() || Notification.permission !== 'granted') return
  try {
    const n = new Notification(title, { body: body.slice(0, 200), tag })
    n.onclick = () => {
      window.focus()
      onClick?.()
      n.close()
    }
  } catch {
    /* some browsers only allow notifications from a service worker */
  }
}
