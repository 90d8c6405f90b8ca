import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

/**
 * Hash history: the same URLs work under app://pathfinder in the desktop app and under the
 * web host, with no server-side routing in either.
 */
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/roadmap' },
  { path: '/roadmap', name: 'roadmap', component: () => import('./roadmap/RoadmapView.vue'), meta: { title: 'Roadmap' } },
]

export const router = createRouter({ history: createWebHashHistory(), routes })

router.afterEach((to) => {
  document.title = typeof to.meta.title === 'string' ? `${to.meta.title} · Pathfinder` : 'Pathfinder'
})
