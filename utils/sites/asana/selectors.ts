/**
 * Every Asana selector the reader uses, as ordered fallbacks (newest first). Asana's BEM-ish
 * `Component-element--modifier` classes have been stable for years but Asana rolls out UIs per
 * workspace, so old entries stay until proven dead. Sources: /work/shared/research/sites.md §2
 * (S1 Toggl 2026-04, S2 Clockify 2026-03, S3 TimeCamp 2024-01, S8 task-pane fixtures 2022-11..2023-03,
 * S9 clone markup ~2023-09, S10 Asana Expander 2026-03). "(L)" marks our own guesses, not seen in a source.
 */
export { closestFirst, matchesAny, queryAllFirst, queryFirst, type SelectorList } from '../query';

export const ASANA_SELECTORS = {
  // ---- board view
  boardCard: [
    '.BoardCardLayout[data-task-id]', // S1 2026-04, S3 2024-01, S9 2023-09
    '.BaseCard[data-task-id]', // older card wrapper (S9)
  ],
  boardCardTitle: [
    '.BoardCard-taskName', // S1 2026-04, S3, S9
    '.BoardCardLayout-titleAndIndicator', // structural fallback (S9 layout)
  ],
  boardColumn: [
    '.BoardColumn', // S9 2023-09
    '.BoardBody-column', // (L)
  ],
  boardColumnName: [
    '.BoardColumnHeader-headerTitle', // S9 2023-09
    '.BoardColumnHeaderTitle', // (L)
  ],
  /** The initials/photo avatar: Asana's card shows no name (S9). */
  boardCardAssignee: [
    '.BoardCardLayout-assignee .AvatarPhoto', // S9 2023-09
    '.BoardCardLayout-assignee [role="button"][aria-label="Toggle assignee popover"]', // S9 2023-09
    '.BoardCardLayout-assignee', // structural fallback
  ],
  boardCardDue: [
    '.BoardCardLayout-dueDate .DueDateContainer', // S9 2023-09
    '.BoardCardLayout-dueDate', // S9 wrapper
    '.DueDateContainer', // any due container inside the card
  ],
  /** Where the chip goes on a card without a due date (Toggl and TimeCamp inject here). */
  boardCardSlot: [
    '.BoardCardLayout-actionButtons', // S1 2026-04, S3 2024-01
    '.BoardCardLayout-assigneeDueDateActions', // S9 row around it
  ],

  // ---- list (spreadsheet) view
  listRow: [
    '.SpreadsheetRow', // S1 2026-04, S3, S9
    '.SpreadsheetGridTaskNameAndDetailsCellGroup', // S1 2026-04 (newer grid without row wrapper)
  ],
  listTitle: [
    '.SpreadsheetTaskName textarea', // S1 2026-04, S3
    '.SpreadsheetTaskName', // same cell when it renders text instead of a textarea
    '.TaskName textarea', // S1 (My Tasks rows share it)
  ],
  listAssignee: [
    '.SpreadsheetTaskRow-assigneeCell .SpreadsheetAssigneeCell-assigneeDisplay', // S9 2023-09, userstyles
    '.SpreadsheetTaskRow-assigneeCell', // S9 cell
  ],
  listDue: [
    '.SpreadsheetTaskRow-dueDateCell .SpreadsheetMutableDateCell-dueDateDisplay', // S9 2023-09
    '.SpreadsheetTaskRow-dueDateCell .DueDateContainer', // (L) same structure as cards
  ],
  /** Where the chip goes in a row without a due date: the due cell. */
  listSlot: [
    '.SpreadsheetTaskRow-dueDateCell', // S9 2023-09
    '.SpreadsheetGridTaskNameAndDetailsCellGroup', // S1 2026-04
  ],
  /** A section's group of rows and its name (L: no source shows list-view sections). */
  listSection: ['.SpreadsheetTaskList[data-section-id]', '.TaskGroup'],
  listSectionName: ['.SpreadsheetSectionHeader-name', '.TaskGroupHeader-headerName'],

  // ---- My Tasks
  myTasksRow: [
    '.MyTasksTaskRow', // S1
  ],
  myTasksTitle: ['.TaskName textarea', '.TaskName'], // S1
  myTasksDue: ['.DueDateContainer', '.DueDate'], // S8/S9 shared component (L for My Tasks)
  myTasksProject: ['.PotPill', '.Pill'], // S1 `.Pill`
  myTasksSlot: ['.MyTasksTaskRow-dueDate', '.MyTasksTaskRow-rightSide'], // (L)

  // ---- task pane
  pane: [
    '.TaskPane[data-task-id]', // S1 2026-04, S2 2026-03, S10 2026-03
    '.TaskPane', // task id then comes from the URL
  ],
  paneTitle: [
    '.TaskPaneTitle textarea', // S1 2026
    '.TaskPaneBody-main [role="heading"] textarea', // S2 2026-03
    '.TitleInput textarea', // S3 2024
  ],
  paneAssigneeName: [
    '#task_pane_assignee_input .AssigneeToken-userNameLabel', // S8 2023-03
    '.TaskPaneAssigneeToken-assigneeToken .AssigneeToken-userNameLabel', // S8 class form
  ],
  paneAssigneeToken: ['#task_pane_assignee_input', '.TaskPaneAssigneeToken-assigneeToken'], // S8
  paneDue: [
    '#task_pane_due_date_input', // S8 2023-03
    '.TaskPaneFields-dueDateContainer .DueDateTokenButton', // S8 class form
  ],
  paneDueEmpty: ['.DueDateTokenButton--empty'], // S8: "No due date"
  paneSlot: ['.TaskPaneFields-dueDateContainer', '.TaskPaneBody-main'], // S8, S1
  paneProject: [
    '.TaskPaneFields-projectHeader a.HiddenNavigationLink', // S1
    '.TaskProjects-projectTokenPill span', // S1
  ],
  /** Pane completion toggle: modifier names are (L); the board card of the same task is the fallback. */
  paneDone: ['.TaskCompletionToggleButton--isCompleted'],
  paneNotDone: ['.TaskCompletionToggleButton--isNotCompleted'],

  // ---- shared
  dueText: ['.DueDate-dateSpan', '.DueDate'], // S8, S9
  /** `aria-checked` says the state (S9 2023-09). */
  completion: ['[role="checkbox"][aria-label="Completed"]', '[role="checkbox"][aria-checked]'],
  completionIcon: ['.TaskCompletionStatusIndicator--complete', '.TaskCompletionStatusIndicator--incomplete'], // S9
  avatar: ['.AvatarPhoto'], // S8, S9
  projectName: [
    '.TopbarPageHeaderStructure-title', // (L) page header
    '.ProjectPageHeader-projectName', // (L)
  ],
  /** Pane subtasks carry `data-task-id` too; rows inside it are not the pane's own fields. */
  subtasks: ['.SubtaskGrid'], // S2
} as const satisfies Record<string, readonly string[]>;

export type AsanaSelectorName = keyof typeof ASANA_SELECTORS;
