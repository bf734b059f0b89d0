/** Message keys under `Admin.errors`; domain functions name problems with them, actions translate. */
export type AdminErrorKey =
  | 'waitlistOfferHoursInvalid'
  | 'waitlistNewDayShareInvalid'
  | 'forbidden'
  | 'releaseTimeInvalid'
  | 'releaseWeekdaysMissing'
  | 'notFound'
  | 'locationRequired'
  | 'locationUnknown'
  | 'dateInvalid'
  | 'dateInPast'
  | 'endBeforeStart'
  | 'rangeTooLong'
  | 'reasonLength'
  | 'weekdayInvalid'
  | 'timeInvalid'
  | 'closesBeforeOpens'
  | 'countersMin'
  | 'countersOverLimit'
  | 'windowOverlap'
  | 'counterNameLength'
  | 'counterNameTaken'
  | 'counterNeededByHours'
  | 'serviceNameLength'
  | 'descriptionLength'
  | 'feeLength'
  | 'minutesInvalid'
  | 'maxCountInvalid'
  | 'emailInvalid'
  | 'emailTaken'
  | 'staffNameLength'
  | 'roleInvalid'
  | 'clerkNeedsLocation'
  | 'passwordTooShort'
  | 'passwordTooLong'
  | 'cannotDeactivateSelf'
  | 'cannotDemoteSelf'
  | 'lastAdmin'
  | 'documentNameLength'
  | 'hintLength'
  | 'formUrlInvalid'
  | 'horizonInvalid'
  | 'leadInvalid'
  | 'holdInvalid'
  | 'stepInvalid'
  | 'perEmailInvalid'
  | 'challengeWorkInvalid'
  | 'textInvalid'
  | 'reminderHoursInvalid'
  | 'secondReminderInvalid'
  | 'mailErased';

export type Problem = { key: AdminErrorKey; values?: Record<string, string | number> };

/** What went wrong, by form field; `form` is for problems of the whole form. */
export type Problems = Record<string, Problem>;

export type Refusal = { ok: false; problems: Problems };

export const refuse = (field: string, key: AdminErrorKey, values?: Problem['values']): Refusal => ({ ok: false, problems: { [field]: { key, values } } });
