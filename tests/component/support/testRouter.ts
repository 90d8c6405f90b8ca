import { createMemoryHistory, createRouter } from 'vue-router'
import { routes } from '../../../renderer/src/router'

/** The app's own routes in memory, so RouterLinks and useRoute work as they do in the app. */
export async function testRouter(path = '/') {
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  await router.isReady()
  return router
}
