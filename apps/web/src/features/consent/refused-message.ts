/** Shown when the BFF refused Workday's answer at the state check (nothing was recorded to re-read). */
export const REFUSED_MESSAGE =
  "Workday's answer did not match a consent attempt started in this browser in the last 10 minutes " +
  "(it expired, was already used, or came back to another browser or connector), so nothing changed. " +
  "Choose Connect Workday again from the setup, in the browser where you are signed in to the console.";
