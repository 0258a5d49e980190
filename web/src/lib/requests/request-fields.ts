import { declareFields, type FormView } from '#lib/forms/fields.ts';

/**
 * The officer's request form (new and edit), in page order (the error summary follows it);
 * controls' ids are `request-<name>`. The action (#lib/server/request-form.ts) reads the same
 * names; a date and time question is named by its date box (`startDate` with `startTime`).
 */
export const requestFields = declareFields([
  { name: 'title', label: 'association.form.title', hint: 'association.form.titleHint', kind: 'text' },
  { name: 'body', label: 'association.form.body', hint: 'association.form.bodyHint', kind: 'textarea' },
  { name: 'category', label: 'association.form.category', hint: 'association.form.categoryHint', kind: 'select' },
  {
    name: 'skillKeys',
    label: 'association.form.skillKeys',
    hint: 'association.form.skillKeysHint',
    kind: 'checkboxes',
  },
  { name: 'skills', label: 'association.form.skills', hint: 'association.form.skillsHint', kind: 'text' },
  { name: 'slots', label: 'association.form.slots', hint: 'association.form.slotsHint', kind: 'text' },
  // how a hand becomes a match (issue 10): the officer picks, or first come (HandsModeField)
  { name: 'handsMode', label: 'invite.form.handsMode', hint: 'invite.form.handsModeHint', kind: 'radio' },
  { name: 'whenKind', label: 'association.form.when', kind: 'radio' },
  // their hints differ with JavaScript (the boxes that do not apply are hidden): the form picks them
  { name: 'startDate', label: 'association.form.start', kind: 'datetime' },
  { name: 'endDate', label: 'association.form.end', kind: 'datetime' },
  { name: 'area', label: 'association.form.area', hint: 'association.form.areaHint', kind: 'text' },
  { name: 'online', label: 'association.form.online', hint: 'association.form.onlineHint', kind: 'checkbox' },
  { name: 'exactPlace', label: 'association.form.exactPlace', hint: 'association.form.exactPlaceHint', kind: 'text' },
  { name: 'estimatedHours', label: 'association.form.hours', hint: 'association.form.hoursHint', kind: 'text' },
  {
    name: 'expensesCovered',
    label: 'association.form.expenses',
    hint: 'association.form.expensesHint',
    kind: 'radio',
  },
  { name: 'deadlineDate', label: 'association.form.deadline', hint: 'association.form.deadlineHint', kind: 'datetime' },
  {
    name: 'languages',
    label: 'association.form.languages',
    hint: 'association.form.languagesHint',
    kind: 'checkboxes',
  },
  // optional summaries for readers of English and of やさしい日本語 (RequestSummaryFields)
  { name: 'summaryEn', label: 'languages.summary.en', hint: 'languages.summary.enHint', kind: 'textarea' },
  { name: 'summaryJaEasy', label: 'languages.summary.jaEasy', hint: 'languages.summary.jaEasyHint', kind: 'textarea' },
]);

export type RequestFieldName = (typeof requestFields)[number]['name'];
export type RequestFormView = FormView<RequestFieldName>;

/** What a part of the request form (a component placed in RequestForm) is given. */
export interface RequestFormPart {
  view: RequestFormView;
  /** a field's starting text (the request being edited, or what was typed before an error) */
  value: (name: string) => string;
}
