import { lazy, type ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './app-layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RequirePermission } from './require-permission.tsx';
import { CHANGE_PASSWORD_PATH, RequireStaff } from './require-staff.tsx';
import { RootLayout } from './root-layout.tsx';

/** Each section is its own chunk, loaded when first visited. */
function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const LoginPage = lazyPage(() => import('../features/auth/components/login-page.tsx'), 'LoginPage');
const ChangePasswordPage = lazyPage(() => import('../features/auth/components/change-password-page.tsx'), 'ChangePasswordPage');
const HomePage = lazyPage(() => import('../features/home/components/home-page.tsx'), 'HomePage');
const OrgSection = lazyPage(() => import('../features/venue/components/org-section.tsx'), 'OrgSection');
const CenterListPage = lazyPage(() => import('../features/venue/components/center-list-page.tsx'), 'CenterListPage');
const CenterDetailPage = lazyPage(() => import('../features/venue/components/center-detail-page.tsx'), 'CenterDetailPage');
const RegionsPage = lazyPage(() => import('../features/venue/components/regions-page.tsx'), 'RegionsPage');
const StaffPage = lazyPage(() => import('../features/staff/components/staff-page.tsx'), 'StaffPage');
const CalendarPage = lazyPage(() => import('../features/calendar/components/calendar-page.tsx'), 'CalendarPage');
const AuditPage = lazyPage(() => import('../features/audit/components/audit-page.tsx'), 'AuditPage');
const JobRunsPage = lazyPage(() => import('../features/jobs/components/job-runs-page.tsx'), 'JobRunsPage');
// benefit policies (6.2.2): the policy library and verification; the portal's policies, calculator and the enterprise's own
const policyPages = {
  list: () => import('../features/policies/components/policies-page.tsx'),
  detail: () => import('../features/policies/components/policy-detail-page.tsx'),
  grants: () => import('../features/policies/components/grant-verification-page.tsx'),
  portalList: () => import('../features/policies/components/portal/policy-list-page.tsx'),
  portalPage: () => import('../features/policies/components/portal/policy-page.tsx'),
  calculator: () => import('../features/policies/components/portal/calculator-page.tsx'),
  mine: () => import('../features/policies/components/portal/my-policies-page.tsx'),
  apply: () => import('../features/policies/components/portal/apply-page.tsx'),
};
const PoliciesPage = lazyPage(policyPages.list, 'PoliciesPage');
const PolicyDetailPage = lazyPage(policyPages.detail, 'PolicyDetailPage');
const GrantVerificationPage = lazyPage(policyPages.grants, 'GrantVerificationPage');
const PortalPolicyListPage = lazyPage(policyPages.portalList, 'PortalPolicyListPage');
const PortalPolicyPage = lazyPage(policyPages.portalPage, 'PortalPolicyPage');
const PolicyCalculatorPage = lazyPage(policyPages.calculator, 'PolicyCalculatorPage');
const MyPoliciesPage = lazyPage(policyPages.mine, 'MyPoliciesPage');
const PolicyApplyPage = lazyPage(policyPages.apply, 'PolicyApplyPage');
const EnterpriseListPage = lazyPage(() => import('../features/enterprises/components/enterprise-list-page.tsx'), 'EnterpriseListPage');
const EnterpriseDetailPage = lazyPage(() => import('../features/enterprises/components/enterprise-detail-page.tsx'), 'EnterpriseDetailPage');
const PeoplePage = lazyPage(() => import('../features/enterprises/components/people-page.tsx'), 'PeoplePage');
const LicenseLibraryPage = lazyPage(() => import('../features/licenses/components/license-library-page.tsx'), 'LicenseLibraryPage');
const RedeemPage = lazyPage(() => import('../features/licenses/components/redeem-page.tsx'), 'RedeemPage');
const PortalLayout = lazyPage(() => import('./portal-layout.tsx'), 'PortalLayout');
// service catalog, portal pages and the guidance desk
const catalogPortal = () => import('../features/catalog/components/portal/portal-notice-pages.tsx');
const PortalHomePage = lazyPage(() => import('../features/catalog/components/portal/portal-home-page.tsx'), 'PortalHomePage');
const PortalItemsPage = lazyPage(() => import('../features/catalog/components/portal/portal-items-page.tsx'), 'PortalItemsPage');
const PortalBundlesPage = lazyPage(() => import('../features/catalog/components/portal/portal-bundles-page.tsx'), 'PortalBundlesPage');
const PortalSearchPage = lazyPage(() => import('../features/catalog/components/portal/portal-search-page.tsx'), 'PortalSearchPage');
const PortalItemPage = lazyPage(catalogPortal, 'PortalItemPage');
const PortalBundlePage = lazyPage(catalogPortal, 'PortalBundlePage');
const DeskItemPage = lazyPage(catalogPortal, 'DeskItemPage');
const DeskBundlePage = lazyPage(catalogPortal, 'DeskBundlePage');
const GuidanceDeskPage = lazyPage(() => import('../features/guidance/components/guidance-desk-page.tsx'), 'GuidanceDeskPage');
const CatalogPage = lazyPage(() => import('../features/catalog/components/admin/catalog-page.tsx'), 'CatalogPage');
const ItemEditorPage = lazyPage(() => import('../features/catalog/components/admin/item-editor-page.tsx'), 'ItemEditorPage');
const BundleEditorPage = lazyPage(() => import('../features/catalog/components/admin/bundle-editor-page.tsx'), 'BundleEditorPage');
const PortalLoginPage = lazyPage(() => import('../features/enterprises/components/portal/portal-login-page.tsx'), 'PortalLoginPage');
const PortalAccountPage = lazyPage(() => import('../features/enterprises/components/portal/portal-account-page.tsx'), 'PortalAccountPage');
const RequireEnterprise = lazyPage(() => import('../features/enterprises/components/portal/require-enterprise.tsx'), 'RequireEnterprise');
const ToolsPage = lazyPage(() => import('../features/enterprises/components/portal/tools-page.tsx'), 'ToolsPage');

// the front desk: public device pages and the staff's queue pages
const queuePages = {
  kiosk: () => import('../features/queue/components/kiosk-page.tsx'),
  display: () => import('../features/queue/components/display-page.tsx'),
  evaluator: () => import('../features/queue/components/evaluator-page.tsx'),
  status: () => import('../features/queue/components/ticket-status-page.tsx'),
};
const KioskPage = lazyPage(queuePages.kiosk, 'KioskPage');
const DisplayPage = lazyPage(queuePages.display, 'DisplayPage');
const EvaluatorPage = lazyPage(queuePages.evaluator, 'EvaluatorPage');
// 24-hour self-service (clause 7): the kiosk's self-service screens and the smart locker's keypad
const SelfServicePage = lazyPage(() => import('../features/self-service/components/self-service-page.tsx'), 'SelfServicePage');
const LockerPage = lazyPage(() => import('../features/self-service/components/locker-page.tsx'), 'LockerPage');
const TicketStatusPage = lazyPage(queuePages.status, 'TicketStatusPage');
const WorkbenchPage = lazyPage(() => import('../features/queue/components/workbench-page.tsx'), 'WorkbenchPage');
const ReceptionPage = lazyPage(() => import('../features/queue/components/reception-page.tsx'), 'ReceptionPage');
const QueueFiguresPage = lazyPage(() => import('../features/queue/components/figures-page.tsx'), 'FiguresPage');
const QueueSettingsPage = lazyPage(() => import('../features/queue/components/settings-page.tsx'), 'QueueSettingsPage');

// applications: intake, back office, delivery, figures; the portal's progress page
const applicationPages = {
  list: () => import('../features/applications/components/application-list-page.tsx'),
  detail: () => import('../features/applications/components/application-detail-page.tsx'),
};
const ApplicationListPage = lazyPage(applicationPages.list, 'ApplicationListPage');
const ApplicationDetailPage = lazyPage(applicationPages.detail, 'ApplicationDetailPage');
const IntakePage = lazyPage(() => import('../features/applications/components/intake-page.tsx'), 'IntakePage');
const ReviewQueuePage = lazyPage(() => import('../features/applications/components/review-queue-page.tsx'), 'ReviewQueuePage');
const DeliveriesPage = lazyPage(() => import('../features/applications/components/deliveries-page.tsx'), 'DeliveriesPage');
const ApplicationFiguresPage = lazyPage(() => import('../features/applications/components/figures-page.tsx'), 'FiguresPage');
const ProgressPage = lazyPage(() => import('../features/applications/components/portal/progress-page.tsx'), 'ProgressPage');
const MyApplicationsPage = lazyPage(() => import('../features/applications/components/portal/my-applications-page.tsx'), 'MyApplicationsPage');
// 一网通办 (issue 14, item 3): applying online on the portal, following an online application, the online review center
const OnlineApplyPage = lazyPage(() => import('../features/applications/online/components/online-apply-page.tsx'), 'OnlineApplyPage');
const OnlineBundleApplyPage = lazyPage(() => import('../features/applications/online/components/online-apply-page.tsx'), 'OnlineBundleApplyPage');
const OnlineApplicationPage = lazyPage(() => import('../features/applications/online/components/online-application-page.tsx'), 'OnlineApplicationPage');
const OnlineReviewPage = lazyPage(() => import('../features/applications/online/components/online-review-page.tsx'), 'OnlineReviewPage');

// appointments (A.6): portal booking and my bookings; staff views, capacity, the 3-working-day guarantee
const appointmentPages = {
  section: () => import('../features/appointments/components/staff-section.tsx'),
  portalBook: () => import('../features/appointments/components/portal-book-page.tsx'),
  portalMine: () => import('../features/appointments/components/portal-my-bookings-page.tsx'),
};
const PortalBookPage = lazyPage(appointmentPages.portalBook, 'PortalBookPage');
const PortalMyBookingsPage = lazyPage(appointmentPages.portalMine, 'PortalMyBookingsPage');
const AppointmentsSection = lazyPage(appointmentPages.section, 'AppointmentsSection');
const AppointmentDayPage = lazyPage(() => import('../features/appointments/components/day-page.tsx'), 'AppointmentDayPage');
const CapacityPage = lazyPage(() => import('../features/appointments/components/capacity-page.tsx'), 'CapacityPage');
const GuaranteePage = lazyPage(() => import('../features/appointments/components/guarantee-page.tsx'), 'GuaranteePage');
const BlocksPage = lazyPage(() => import('../features/appointments/components/blocks-page.tsx'), 'BlocksPage');
const AppointmentSettingsPage = lazyPage(() => import('../features/appointments/components/settings-page.tsx'), 'AppointmentSettingsPage');

// evaluations — ratings: the phone's link page, the kiosk's entry, the portal's 我的评价, staff entry of a phone rating
const ratingPages = {
  link: () => import('../features/evaluations/rating/components/rate-link-page.tsx'),
  kiosk: () => import('../features/evaluations/rating/components/kiosk-rating-page.tsx'),
  portal: () => import('../features/evaluations/rating/components/portal-evaluations-page.tsx'),
  phone: () => import('../features/evaluations/rating/components/phone-rating-page.tsx'),
};
const RateLinkPage = lazyPage(ratingPages.link, 'RateLinkPage');
const KioskRatingPage = lazyPage(ratingPages.kiosk, 'KioskRatingPage');
const PortalEvaluationsPage = lazyPage(ratingPages.portal, 'PortalEvaluationsPage');
const PhoneRatingPage = lazyPage(ratingPages.phone, 'PhoneRatingPage');

// evaluations — callbacks of bad reviews (差评回访) and appeals (申诉, 申诉复核)
const callbackPages = {
  list: () => import('../features/evaluations/callbacks/components/callback-list-page.tsx'),
  detail: () => import('../features/evaluations/callbacks/components/callback-detail-page.tsx'),
};
const CallbackListPage = lazyPage(callbackPages.list, 'CallbackListPage');
const CallbackDetailPage = lazyPage(callbackPages.detail, 'CallbackDetailPage');
const AppealsPage = lazyPage(() => import('../features/evaluations/appeals/components/appeals-page.tsx'), 'AppealsPage');
const AppealReviewPage = lazyPage(() => import('../features/evaluations/appeals/components/appeal-review-page.tsx'), 'AppealReviewPage');

// evaluations — the 好差评 dashboard with the export, and the portal's 评价公示
const EvaluationFiguresPage = lazyPage(() => import('../features/evaluations/figures/components/figures-page.tsx'), 'EvaluationFiguresPage');
const EvaluationSettingsPage = lazyPage(() => import('../features/evaluations/settings/components/settings-page.tsx'), 'EvaluationSettingsPage');
const DisclosurePage = lazyPage(() => import('../features/evaluations/disclosure/components/disclosure-page.tsx'), 'DisclosurePage');

// feedback (诉求): the handler's inbox and detail, the 办不成事 desk, the response rate, improvements; the portal's and kiosk's pages
const feedbackPages = {
  inbox: () => import('../features/feedback/components/inbox-page.tsx'),
  detail: () => import('../features/feedback/components/case-detail-page.tsx'),
  portal: () => import('../features/feedback/components/portal-feedback-page.tsx'),
  publicImprovements: () => import('../features/feedback/components/public-improvements-page.tsx'),
};
const FeedbackInboxPage = lazyPage(feedbackPages.inbox, 'FeedbackInboxPage');
const CaseDetailPage = lazyPage(feedbackPages.detail, 'CaseDetailPage');
const UnresolvedPage = lazyPage(() => import('../features/feedback/components/unresolved-page.tsx'), 'UnresolvedPage');
const ResponseRatePage = lazyPage(() => import('../features/feedback/components/figures-page.tsx'), 'ResponseRatePage');
const ImprovementsPage = lazyPage(() => import('../features/feedback/components/improvements-page.tsx'), 'ImprovementsPage');
const InquiriesPage = lazyPage(() => import('../features/feedback/components/inquiries-page.tsx'), 'InquiriesPage');
const ViolationsPage = lazyPage(() => import('../features/feedback/components/violations-page.tsx'), 'ViolationsPage');
const ExperiencePage = lazyPage(() => import('../features/feedback/components/experience-page.tsx'), 'ExperiencePage');
const PortalFeedbackPage = lazyPage(feedbackPages.portal, 'PortalFeedbackPage');
const KioskFeedbackPage = lazyPage(() => import('../features/feedback/components/kiosk-feedback-page.tsx'), 'KioskFeedbackPage');
const PublicImprovementsPage = lazyPage(feedbackPages.publicImprovements, 'PublicImprovementsPage');

// 9.1.1: satisfaction surveys (list, editor, sending, results; the portal's answer page behind the SMS link) and evaluation reports
const surveyPages = {
  editor: () => import('../features/feedback/surveys/components/survey-editor-page.tsx'),
  portal: () => import('../features/feedback/surveys/components/portal-survey-page.tsx'),
};
const SurveyListPage = lazyPage(() => import('../features/feedback/surveys/components/survey-list-page.tsx'), 'SurveyListPage');
const SurveyEditorPage = lazyPage(surveyPages.editor, 'SurveyEditorPage');
const SurveyDetailPage = lazyPage(() => import('../features/feedback/surveys/components/survey-detail-page.tsx'), 'SurveyDetailPage');
const PortalSurveyPage = lazyPage(surveyPages.portal, 'PortalSurveyPage');
const AssessmentsPage = lazyPage(() => import('../features/feedback/assessments/components/assessments-page.tsx'), 'AssessmentsPage');
const AssessmentDetailPage = lazyPage(() => import('../features/feedback/assessments/components/assessment-detail-page.tsx'), 'AssessmentDetailPage');
// venue facilities (4.2.2): the register with faults and repairs; the portal's center page with its accessibility facilities
const FacilitiesPage = lazyPage(() => import('../features/venue/facilities/components/facilities-page.tsx'), 'FacilitiesPage');
const PortalCenterPage = lazyPage(() => import('../features/venue/facilities/components/portal-center-page.tsx'), 'PortalCenterPage');
// nearby service points (6.3.5): points, delegated items, figures
const ServicePointsPage = lazyPage(() => import('../features/venue/points/components/service-points-page.tsx'), 'ServicePointsPage');
// 5.2: staff training and qualification
const TrainingPage = lazyPage(() => import('../features/staff/training/components/training-page.tsx'), 'TrainingPage');
const CourseDetailPage = lazyPage(() => import('../features/staff/training/components/course-detail-page.tsx'), 'CourseDetailPage');
// 6.2.4: briefings and training (the organiser's events, the door's check-in; the portal's events and the enterprise's registrations)
const briefingPages = {
  portal: () => import('../features/briefings/components/portal-briefings-page.tsx'),
  mine: () => import('../features/briefings/components/my-briefings-page.tsx'),
};
const BriefingsPage = lazyPage(() => import('../features/briefings/components/briefings-page.tsx'), 'BriefingsPage');
const BriefingDetailPage = lazyPage(() => import('../features/briefings/components/event-detail-page.tsx'), 'EventDetailPage');
const BriefingCheckInPage = lazyPage(() => import('../features/briefings/components/check-in-page.tsx'), 'CheckInPage');
const PortalBriefingsPage = lazyPage(briefingPages.portal, 'PortalBriefingsPage');
const MyBriefingsPage = lazyPage(briefingPages.mine, 'MyBriefingsPage');
// 6.2.3: talent service (profiles, ledger, figures)
const TalentPage = lazyPage(() => import('../features/talent/components/talent-page.tsx'), 'TalentPage');
const TalentRequestPage = lazyPage(() => import('../features/talent/components/request-detail-page.tsx'), 'TalentRequestPage');
const TalentFiguresPage = lazyPage(() => import('../features/talent/components/figures-page.tsx'), 'TalentFiguresPage');
// 6.3.6: 一类事 (providers, scenarios, referrals; the portal's scenarios and the enterprise's referrals)
const ScenariosPage = lazyPage(() => import('../features/scenarios/components/scenarios-page.tsx'), 'ScenariosPage');
const PortalScenariosPage = lazyPage(() => import('../features/scenarios/components/portal-scenarios-page.tsx'), 'PortalScenariosPage');
const MyReferralsPage = lazyPage(() => import('../features/scenarios/components/my-referrals-page.tsx'), 'MyReferralsPage');

// 申报辅导 (6.1.2): the ledger and video sessions; the assistant's call; the portal's booking and call
const AssistancePage = lazyPage(() => import('../features/assistance/components/assistance-page.tsx'), 'AssistancePage');
const StaffCallPage = lazyPage(() => import('../features/assistance/components/staff-call-page.tsx'), 'StaffCallPage');
const PortalVideoPage = lazyPage(() => import('../features/assistance/components/portal-video-page.tsx'), 'PortalVideoPage');
const PortalCallPage = lazyPage(() => import('../features/assistance/components/portal-call-page.tsx'), 'PortalCallPage');
// 帮办代办 (6.2.1): the agent's requests, the list, key projects, figures; the portal's list and the enterprise's own
const AgencyRequestsPage = lazyPage(() => import('../features/agency/components/requests-page.tsx'), 'AgencyRequestsPage');
const AgencyRequestDetailPage = lazyPage(() => import('../features/agency/components/request-detail-page.tsx'), 'AgencyRequestDetailPage');
const AgencyItemsPage = lazyPage(() => import('../features/agency/components/items-page.tsx'), 'AgencyItemsPage');
const AgencyProjectsPage = lazyPage(() => import('../features/agency/components/projects-page.tsx'), 'AgencyProjectsPage');
const AgencyFiguresPage = lazyPage(() => import('../features/agency/components/figures-page.tsx'), 'AgencyFiguresPage');
const PortalAgencyListPage = lazyPage(() => import('../features/agency/components/portal/agency-list-page.tsx'), 'PortalAgencyListPage');
const MyAgencyPage = lazyPage(() => import('../features/agency/components/portal/my-agency-page.tsx'), 'MyAgencyPage');
// 信息公开 (A.5): the portal's disclosure section and the kiosk's
const PortalDisclosurePage = lazyPage(() => import('../features/disclosure/components/portal-disclosure-page.tsx'), 'PortalDisclosurePage');
const KioskDisclosurePage = lazyPage(() => import('../features/disclosure/components/kiosk-disclosure-page.tsx'), 'KioskDisclosurePage');
const TimeLimitsPage = lazyPage(() => import('../features/applications/time-limits/components/time-limits-page.tsx'), 'TimeLimitsPage');
const CrossRegionPage = lazyPage(() => import('../features/applications/cross-region/components/handovers-page.tsx'), 'CrossRegionPage');
const PortalCrossRegionPage = lazyPage(() => import('../features/applications/cross-region/components/portal-directory-page.tsx'), 'PortalCrossRegionPage');
const CommandCenterPage = lazyPage(() => import('../features/command-center/components/command-center-page.tsx'), 'CommandCenterPage');
const CommandCenterScreenPage = lazyPage(() => import('../features/command-center/components/screen-page.tsx'), 'CommandCenterScreenPage');

export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      // devices in the hall and the phone's ticket page: public, no staff login
      { path: '/kiosk/:centerId', element: <KioskPage /> },
      { path: '/display/:centerId/:zoneId', element: <DisplayPage /> },
      { path: '/evaluator/:counterId', element: <EvaluatorPage /> },
      { path: '/t/:token', element: <TicketStatusPage /> },
      { path: '/rate/:token', element: <RateLinkPage /> },
      { path: '/kiosk/:centerId/rate', element: <KioskRatingPage /> },
      { path: '/kiosk/:centerId/feedback', element: <KioskFeedbackPage /> },
      { path: '/kiosk/:centerId/improvements', element: <KioskFeedbackPage /> },
      { path: '/kiosk/:centerId/self-service', element: <SelfServicePage /> },
      { path: '/locker', element: <LockerPage /> },
      { path: '/kiosk/:centerId/disclosure', element: <KioskDisclosurePage /> },
      { path: '/kiosk/disclosure', element: <KioskDisclosurePage /> },
      {
        // The public portal; the enterprise account's pages sit behind its own login.
        path: '/portal',
        element: <PortalLayout />,
        children: [
          // the service catalog: browse, search, one-time notices
          { index: true, element: <PortalHomePage /> },
          { path: 'search', element: <PortalSearchPage /> },
          { path: 'items', element: <PortalItemsPage /> },
          { path: 'items/:code', element: <PortalItemPage /> },
          { path: 'bundles', element: <PortalBundlesPage /> },
          { path: 'bundles/:code', element: <PortalBundlePage /> },
          { path: 'login', element: <PortalLoginPage /> },
          { path: 'tools', element: <ToolsPage /> },
          { path: 'progress', element: <ProgressPage /> },
          { path: 'evaluation-disclosure', element: <DisclosurePage /> },
          { path: 'disclosure', element: <PortalDisclosurePage /> },
          { path: 'feedback', element: <PortalFeedbackPage /> },
          { path: 'improvements', element: <PublicImprovementsPage /> },
          // the link in a survey's SMS: the signed one-use token is the permission
          { path: 'surveys/:token', element: <PortalSurveyPage /> },
          { path: 'policies', element: <PortalPolicyListPage /> },
          { path: 'policies/:id', element: <PortalPolicyPage /> },
          { path: 'policy-calculator', element: <PolicyCalculatorPage /> },
          { path: 'agency', element: <PortalAgencyListPage /> },
          { path: 'cross-region', element: <PortalCrossRegionPage /> },
          { path: 'appointments', element: <PortalBookPage /> },
          { path: 'appointments/mine', element: <PortalMyBookingsPage /> },
          { path: 'center', element: <PortalCenterPage /> },
          { path: 'briefings', element: <PortalBriefingsPage /> },
          { path: 'scenarios', element: <PortalScenariosPage /> },
          {
            element: <RequireEnterprise />,
            children: [
              { path: 'account', element: <PortalAccountPage /> },
              { path: 'evaluations', element: <PortalEvaluationsPage /> },
              { path: 'my-policies', element: <MyPoliciesPage /> },
              { path: 'policies/:id/apply', element: <PolicyApplyPage /> },
              { path: 'my-applications', element: <MyApplicationsPage /> },
              { path: 'online/items/:code', element: <OnlineApplyPage /> },
              { path: 'online/bundles/:code', element: <OnlineBundleApplyPage /> },
              { path: 'online/applications/:id', element: <OnlineApplicationPage /> },
              { path: 'my-briefings', element: <MyBriefingsPage /> },
              { path: 'video-assistance', element: <PortalVideoPage /> },
              { path: 'video-assistance/:id', element: <PortalCallPage /> },
              { path: 'my-agency', element: <MyAgencyPage /> },
              { path: 'my-scenario-referrals', element: <MyReferralsPage /> },
            ],
          },
        ],
      },
      {
        element: <RequireStaff />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomePage /> },
              { path: CHANGE_PASSWORD_PATH, element: <ChangePasswordPage /> },
              { path: 'workbench', element: <RequirePermission permission="queue.serve" />, children: [{ index: true, element: <WorkbenchPage /> }] },
              { path: 'reception', element: <RequirePermission permission="queue.issue" />, children: [{ index: true, element: <ReceptionPage /> }] },
              { path: 'phone-ratings', element: <RequirePermission permission="evaluation.enter" />, children: [{ index: true, element: <PhoneRatingPage /> }] },
              {
                path: 'callbacks',
                element: <RequirePermission permission="evaluation.callback" />,
                children: [
                  { index: true, element: <CallbackListPage /> },
                  { path: ':id', element: <CallbackDetailPage /> },
                ],
              },
              { path: 'appeals', element: <RequirePermission permission="evaluation.appeal" />, children: [{ index: true, element: <AppealsPage /> }] },
              { path: 'appeal-review', element: <RequirePermission permission="evaluation.decide_appeal" />, children: [{ index: true, element: <AppealReviewPage /> }] },
              { path: 'evaluation-figures', element: <RequirePermission permission="evaluation.figures" />, children: [{ index: true, element: <EvaluationFiguresPage /> }] },
              { path: 'evaluation-settings', element: <RequirePermission permission="evaluation.manage" />, children: [{ index: true, element: <EvaluationSettingsPage /> }] },
              {
                path: 'feedback',
                element: <RequirePermission permission="feedback.handle" />,
                children: [
                  { index: true, element: <FeedbackInboxPage /> },
                  { path: ':id', element: <CaseDetailPage /> },
                ],
              },
              { path: 'unresolved-desk', element: <RequirePermission permission="feedback.unresolved" />, children: [{ index: true, element: <UnresolvedPage /> }] },
              { path: 'feedback-figures', element: <RequirePermission permission="feedback.figures" />, children: [{ index: true, element: <ResponseRatePage /> }] },
              { path: 'improvements', element: <RequirePermission permission="feedback.handle" />, children: [{ index: true, element: <ImprovementsPage /> }] },
              { path: 'inquiries', element: <RequirePermission permission="inquiry.record" />, children: [{ index: true, element: <InquiriesPage /> }] },
              { path: 'inquiry-violations', element: <RequirePermission permission="inquiry.violations" />, children: [{ index: true, element: <ViolationsPage /> }] },
              { path: 'time-limits', element: <RequirePermission permission="time_limit.view" />, children: [{ index: true, element: <TimeLimitsPage /> }] },
              { path: 'experience', element: <RequirePermission permission="experience.manage" />, children: [{ index: true, element: <ExperiencePage /> }] },
              {
                path: 'surveys',
                element: <RequirePermission permission="survey.read" />,
                children: [
                  { index: true, element: <SurveyListPage /> },
                  { element: <RequirePermission permission="survey.manage" />, children: [{ path: 'new', element: <SurveyEditorPage /> }, { path: ':id/edit', element: <SurveyEditorPage /> }] },
                  { path: ':id', element: <SurveyDetailPage /> },
                ],
              },
              {
                path: 'assessments',
                element: <RequirePermission permission="assessment.read" />,
                children: [
                  { index: true, element: <AssessmentsPage /> },
                  { path: ':id', element: <AssessmentDetailPage /> },
                ],
              },
              {
                path: 'training',
                element: <RequirePermission permission="training.read" />,
                children: [
                  { index: true, element: <TrainingPage /> },
                  { path: 'courses/:id', element: <CourseDetailPage /> },
                ],
              },
              {
                path: 'briefings',
                element: <RequirePermission permission="briefing.check_in" />,
                children: [
                  { index: true, element: <BriefingsPage /> },
                  { path: ':id', element: <BriefingDetailPage /> },
                  { path: ':id/check-in', element: <BriefingCheckInPage /> },
                ],
              },
              {
                path: 'talent',
                element: <RequirePermission permission="talent.manage" />,
                children: [
                  { index: true, element: <TalentPage /> },
                  { path: 'requests/:id', element: <TalentRequestPage /> },
                ],
              },
              { path: 'talent-figures', element: <RequirePermission permission="talent.figures" />, children: [{ index: true, element: <TalentFiguresPage /> }] },
              { path: 'scenarios', element: <RequirePermission permission="scenario.manage" />, children: [{ index: true, element: <ScenariosPage /> }] },
              { path: 'queue-figures', element: <RequirePermission permission="queue.figures" />, children: [{ index: true, element: <QueueFiguresPage /> }] },
              { path: 'queue-settings', element: <RequirePermission permission="queue.manage" />, children: [{ index: true, element: <QueueSettingsPage /> }] },
              {
                path: 'org',
                element: <RequirePermission permission="org.read" />,
                children: [
                  {
                    element: <OrgSection />,
                    children: [
                      { index: true, element: <Navigate to="centers" replace /> },
                      { path: 'centers', element: <CenterListPage /> },
                      { path: 'regions', element: <RegionsPage /> },
                    ],
                  },
                  { path: 'centers/:centerId', element: <CenterDetailPage /> },
                ],
              },
              {
                path: 'staff',
                element: <RequirePermission permission="staff.read" />,
                children: [{ index: true, element: <StaffPage /> }],
              },
              { path: 'calendar', element: <CalendarPage /> },
              {
                path: 'audit',
                element: <RequirePermission permission="audit.read" />,
                children: [{ index: true, element: <AuditPage /> }],
              },
              {
                path: 'jobs',
                element: <RequirePermission permission="job.manage" />,
                children: [{ index: true, element: <JobRunsPage /> }],
              },
              {
                path: 'policies',
                element: <RequirePermission permission="policy.read" />,
                children: [
                  { index: true, element: <PoliciesPage /> },
                  { path: ':id', element: <PolicyDetailPage /> },
                ],
              },
              { path: 'policy-grants', element: <RequirePermission permission="policy.verify" />, children: [{ index: true, element: <GrantVerificationPage /> }] },
              { path: 'facilities', element: <RequirePermission permission="facility.report" />, children: [{ index: true, element: <FacilitiesPage /> }] },
              { path: 'service-points', element: <RequirePermission permission="point.manage" />, children: [{ index: true, element: <ServicePointsPage /> }] },
              {
                path: 'agency',
                element: <RequirePermission permission="agency.handle" />,
                children: [
                  { index: true, element: <AgencyRequestsPage /> },
                  { path: ':id', element: <AgencyRequestDetailPage /> },
                ],
              },
              { path: 'agency-items', element: <RequirePermission permission="agency.handle" />, children: [{ index: true, element: <AgencyItemsPage /> }] },
              { path: 'agency-projects', element: <RequirePermission permission="agency.handle" />, children: [{ index: true, element: <AgencyProjectsPage /> }] },
              { path: 'agency-figures', element: <RequirePermission permission="agency.handle" />, children: [{ index: true, element: <AgencyFiguresPage /> }] },
              {
                path: 'enterprises',
                element: <RequirePermission permission="enterprise.read" />,
                children: [
                  { index: true, element: <EnterpriseListPage /> },
                  { path: ':enterpriseId', element: <EnterpriseDetailPage /> },
                ],
              },
              {
                path: 'people',
                element: <RequirePermission permission="enterprise.read" />,
                children: [{ index: true, element: <PeoplePage /> }],
              },
              {
                path: 'licenses',
                element: <RequirePermission permission="license.manage" />,
                children: [{ index: true, element: <LicenseLibraryPage /> }],
              },
              {
                path: 'applications',
                children: [
                  { index: true, element: <ApplicationListPage /> },
                  { path: ':id', element: <ApplicationDetailPage /> },
                  { element: <RequirePermission permission="application.intake" />, children: [{ path: 'new', element: <IntakePage /> }] },
                ],
              },
              {
                path: 'online-review',
                element: <RequirePermission permission="application.intake" />,
                children: [{ index: true, element: <OnlineReviewPage /> }],
              },
              {
                path: 'review',
                element: <RequirePermission permission="application.review" />,
                children: [{ index: true, element: <ReviewQueuePage /> }],
              },
              {
                path: 'deliveries',
                element: <RequirePermission permission="application.deliver" />,
                children: [{ index: true, element: <DeliveriesPage /> }],
              },
              { path: 'cross-region', element: <RequirePermission permission="application.intake" />, children: [{ index: true, element: <CrossRegionPage /> }] },
              {
                path: 'application-figures',
                element: <RequirePermission permission="application.figures" />,
                children: [{ index: true, element: <ApplicationFiguresPage /> }],
              },
              {
                path: 'license-redeem',
                element: <RequirePermission permission="license.redeem" />,
                children: [{ index: true, element: <RedeemPage /> }],
              },
              {
                path: 'guidance',
                element: <RequirePermission permission="org.read" />,
                children: [
                  { index: true, element: <GuidanceDeskPage /> },
                  { path: 'items/:code', element: <DeskItemPage /> },
                  { path: 'bundles/:code', element: <DeskBundlePage /> },
                ],
              },
              {
                path: 'appointments',
                element: <RequirePermission permission="appointment.view" />,
                children: [
                  {
                    element: <AppointmentsSection />,
                    children: [
                      { index: true, element: <AppointmentDayPage /> },
                      { path: 'capacity', element: <CapacityPage /> },
                      { path: 'guarantee', element: <GuaranteePage /> },
                      { path: 'blocks', element: <BlocksPage /> },
                      { path: 'settings', element: <RequirePermission permission="appointment.capacity" />, children: [{ index: true, element: <AppointmentSettingsPage /> }] },
                    ],
                  },
                ],
              },
              {
                path: 'catalog',
                element: <RequirePermission permission="catalog.manage" />,
                children: [
                  { index: true, element: <CatalogPage /> },
                  { path: 'items/new', element: <ItemEditorPage /> },
                  { path: 'items/:id', element: <ItemEditorPage /> },
                  { path: 'bundles/new', element: <BundleEditorPage /> },
                  { path: 'bundles/:id', element: <BundleEditorPage /> },
                ],
              },
              {
                path: 'assistance',
                element: <RequirePermission permission="assistance.record" />,
                children: [
                  { index: true, element: <AssistancePage /> },
                  { path: 'video/:id', element: <StaffCallPage /> },
                ],
              },
              { path: 'command-center', element: <RequirePermission permission="command_center.view" />, children: [{ index: true, element: <CommandCenterPage /> }] },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
          // 大屏: the hall's display, without the menu
          { path: 'command-center/screen', element: <RequirePermission permission="command_center.view" />, children: [{ index: true, element: <CommandCenterScreenPage /> }] },
        ],
      },
    ],
  },
]);
