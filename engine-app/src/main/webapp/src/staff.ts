// Types and helpers of the staff pages (workbench, designer studio, supervision), as the API returns them.
import { useSession } from './stores/session'

export interface Text { zh: string; en: string }
export interface TaskView {
  id: string; stepKey: string; stepName: string; stepKind: string; caseNumber: string; itemCode: string
  departments: string[]; assignee?: string | null; createdAt: string; dueDate?: string | null
  owner?: string | null; delegated?: boolean; urgedAt?: string | null
}
export interface Page<T> { items: T[]; page: number; size: number; total: number }
export interface DoneStep {
  caseNumber: string; itemCode: string; stepKey: string; stepName: string; department?: string
  action: string; opinion?: string; completedAt: string
}
export interface Material { id: number; code: string; fileName: string; contentType: string; sizeBytes: number }
export interface CurrentStep { taskId: string; stepKey: string; stepName: string; departments: string[]; assignee?: string; since: string }
export interface CaseView {
  caseNumber: string; itemCode: string; itemName: string; status: string; applicant: string; applicantName: string
  submittedAt: string; acceptedAt?: string; concludedAt?: string; formData: Record<string, unknown>
  materials: Material[]; currentSteps: CurrentStep[]; correctionNotice?: string
  jointReviewProgress?: { department: string; departmentName: string; finished: boolean; finishedAt?: string }[]
}
export interface CaseEvent {
  occurredAt: string; actor?: string; actorName: string; department?: string; stepKey?: string; stepName?: string
  action: string; opinion?: string; target?: string
}
export interface ReturnTarget { to: string; stepKey: string; stepName: string; stepKind: string }
export interface TaskDetail {
  task: TaskView; allowedActions: string[]; caseView: CaseView; history: CaseEvent[]
  operations?: string[]; returnTargets?: ReturnTarget[]
}
/** GET /cases/{n}/joint-review: the lead department's panel (牵头部门), one entry per round. */
export interface DepartmentReview {
  department: string; departmentName: string; status: 'PENDING' | 'AGREED' | 'DISAGREED' | 'NOT_NEEDED'
  reviewer?: string; reviewerName?: string; opinion?: string; startedAt?: string; finishedAt?: string; secondsTaken?: number
}
export interface JointReviewRound {
  round: number; startedAt?: string; sendBackReason?: string; departments: DepartmentReview[]
  consolidation?: { opinion: string; byName: string; at: string }
}
export interface JointReviewPanel { caseNumber: string; lead: string; leadName: string; rule?: string; full: boolean; rounds: JointReviewRound[] }
export interface CcItem {
  id: number; kind: string; caseNumber: string; itemCode: string; sender: string; senderName: string
  stepName?: string; message?: string; createdAt: string; readAt?: string
}
export interface ItemSummary { code: string; name: Text; departments?: string[]; leadDepartment?: string }
export interface Department { code: string; name: Text }
export interface ProcessVersion {
  itemCode: string; processDefinitionId: string; version: number; deploymentId: string; deployedAt: string; latest: boolean
}
export interface CaseSummary {
  caseNumber: string; itemCode: string; itemName: string; itemNameEn: string; status: string; applicant: string
  applicantName: string; submittedAt: string; concludedAt?: string
}

/** Whether the signed-in user has one of these roles. */
export function hasRole(...roles: string[]): boolean {
  const me = useSession().me
  return !!me && roles.some((r) => me.roles.includes(r))
}

export const when = (iso?: string | null) => (iso ? new Date(iso).toLocaleString() : '')
