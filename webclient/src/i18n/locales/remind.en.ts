// Reminder, chasing and supervision texts (merged into en.ts under `remind` and `duban`).
export const remind = {
  title: 'Remind me', menu: 'Remind', mine: 'My reminders', empty: 'No pending reminders', cancel: 'Cancel',
  submit: 'Remind at this time', custom: 'Pick a date and time', note: 'Note (optional)', pickTime: 'Pick a time',
  set: 'You will be reminded at {time}',
  preset: { in_1h: 'In 1 hour', tomorrow_0900: 'Tomorrow 09:00', next_workday_0900: 'Next working day 09:00' },
  chase: 'Chase', chased: 'Chased: {names}',
}
export const duban = {
  title: 'Supervision', open: 'New item', following: 'I follow', hosting: 'My unit hosts', empty: 'No supervised items',
  host: 'Host unit', deadline: 'Deadline', stage: 'Stage', leader: 'Leader', itemTitle: 'Item', body: 'Requirements',
  urgency: 'Urgency', submit: 'Assign', process: 'Open the process', progress: 'Progress', noProgress: 'No reports yet',
  reportText: 'Progress this time', report: 'Report progress',
  fromCard: 'From the chosen card',
  fromLight: 'Supervise now', fromLightFailed: 'The item could not be opened',
}
