import { createRouter, createWebHistory } from 'vue-router'
import { useSession } from './stores/session'

// Client routes: the server answers page loads of these with index.html (web.SpaFallback); never under
// /api, /v3, /swagger-ui, /actuator, /login, /logout, /error, /assets.
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'catalogue', component: () => import('./views/CatalogueView.vue') },
    { path: '/items/:code', name: 'guide', component: () => import('./views/GuideView.vue'), props: true },
    { path: '/disclosure', name: 'disclosure', component: () => import('./views/DisclosureView.vue') },
    { path: '/progress', name: 'progress', component: () => import('./views/ProgressView.vue') },
    // where an e-licence's QR code leads (public)
    { path: '/verify/:token', name: 'verify', component: () => import('./views/VerifyView.vue'), props: true },
    { path: '/sign-in', name: 'sign-in', component: () => import('./views/SignInView.vue') },
    {
      path: '/apply/:code',
      name: 'apply',
      component: () => import('./views/ApplyView.vue'),
      props: true,
      meta: { auth: true },
    },
    { path: '/my/cases', name: 'my-cases', component: () => import('./views/MyCasesView.vue'), meta: { auth: true } },
    {
      path: '/my/cases/:caseNumber',
      name: 'case',
      component: () => import('./views/CaseView.vue'),
      props: true,
      meta: { auth: true },
    },
    // staff pages (each view also shows a refusal to a signed-in user without the role; the API enforces it)
    { path: '/workbench', name: 'workbench', component: () => import('./views/WorkbenchView.vue'), meta: { auth: true } },
    { path: '/workbench/tasks/:id', name: 'task', component: () => import('./views/TaskView.vue'), props: true, meta: { auth: true } },
    {
      path: '/workbench/cases/:caseNumber',
      name: 'staff-case',
      component: () => import('./views/StaffCaseView.vue'),
      props: true,
      meta: { auth: true },
    },
    { path: '/studio', name: 'studio', component: () => import('./views/StudioView.vue'), meta: { auth: true } },
    {
      path: '/studio/:code/form',
      name: 'studio-form',
      component: () => import('./views/StudioFormView.vue'),
      props: true,
      meta: { auth: true },
    },
    {
      path: '/studio/:code/licence',
      name: 'studio-licence',
      component: () => import('./views/StudioLicenceView.vue'),
      props: true,
      meta: { auth: true },
    },
    {
      path: '/studio/:code/:version',
      name: 'studio-editor',
      component: () => import('./views/StudioEditorView.vue'),
      props: true,
      meta: { auth: true },
    },
    { path: '/workbench/ratings', name: 'follow-ups', component: () => import('./views/RatingFollowUpsView.vue'), meta: { auth: true } },
    { path: '/admin/calendar', name: 'calendar', component: () => import('./views/CalendarView.vue'), meta: { auth: true } },
    { path: '/supervision/dashboard', name: 'dashboard', component: () => import('./views/SupervisionDashboardView.vue'), meta: { auth: true } },
    { path: '/notices', name: 'notices', component: () => import('./views/NoticesView.vue'), meta: { auth: true } },
    { path: '/supervision', name: 'supervision', component: () => import('./views/SupervisionView.vue'), meta: { auth: true } },
    {
      path: '/supervision/cases/:caseNumber',
      name: 'supervised-case',
      component: () => import('./views/SupervisedCaseView.vue'),
      props: true,
      meta: { auth: true },
    },
    { path: '/:rest(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
  ],
})

router.beforeEach(async (to) => {
  const session = useSession()
  if (!session.loaded) await session.load()
  if (to.meta.auth && !session.me) {
    return { name: 'sign-in', query: { redirect: to.fullPath } }
  }
})
