/** sessionStorage key of the saved wizard state (secret-free JSON); its presence means "resume". */
export const STATE_KEY = "boxafe-connect.wizard";
/** Which view the admin was in when sign-in started: "setup" or "check". */
export const VIEW_KEY = "boxafe-connect.view";
/** The choose-app answers core's state does not hold (Boxafe version, secret lifetime): see page-choices.ts. */
export const CHOICES_KEY = "boxafe-connect.choices";
/** The app the check view last read (an Application ID, no secret): a reload in that view reads it again. */
export const CHECK_APP_KEY = "boxafe-connect.check-app";
