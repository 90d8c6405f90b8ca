import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { settleStartAddress } from './app/startAddress'

/**
 * Hash history: the same URLs work under app://pathfinder in the desktop app and under the
 * web host, with no server-side routing in either.
 */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'dashboard', component: () => import('./dashboard/DashboardView.vue'), meta: { title: 'Dashboard' } },
  { path: '/items/:id', name: 'item', component: () => import('./roadmap/ItemView.vue'), props: true, meta: { title: 'Item' } },
  { path: '/goals', name: 'goals', component: () => import('./goals/GoalsView.vue'), meta: { title: 'Goals' } },
  { path: '/reports', name: 'reports', component: () => import('./reports/ReportComposer.vue'), meta: { title: 'Reports' } },
  { path: '/activities', component: () => import('./activities/ActivitiesView.vue'), meta: { title: 'Activities' }, children: [{ path: '', name: 'activities', component: () => import('./activities/ActivityLog.vue') }, { path: 'insights', name: 'activity-insights', component: () => import('./activities/ActivityInsights.vue'), meta: { title: 'Activity insights' } }] },
  { path: '/timeline', name: 'timeline', component: () => import('./timeline/TimelineView.vue'), meta: { title: 'Timeline' } },
  { path: '/roadmap', name: 'roadmap', component: () => import('./roadmap/RoadmapView.vue'), meta: { title: 'Roadmap' } },
  { path: '/reviews', name: 'reviews', component: () => import('./weeklyReview/WeeklyReviewsView.vue'), meta: { title: 'Weekly reviews' } },
  { path: '/settings', name: 'settings', component: () => import('./settings/SettingsView.vue'), meta: { title: 'Settings' } },
  // Last: any address no view above answers (an old bookmark, a typo) gets a page with a way back.
  { path: '/:unknown(.*)*', name: 'not-found', component: () => import('./app/NotFoundView.vue'), meta: { title: 'Not found' } },
]

settleStartAddress()
export const router = createRouter({ history: createWebHashHistory(), routes })

router.afterEach((to) => {
  document.title = typeof to.meta.title === 'string' ? `${to.meta.title} · Pathfinder` : 'Pathfinder'
})
