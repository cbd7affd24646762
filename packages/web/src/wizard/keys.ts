/** sessionStorage key of the saved wizard state (secret-free JSON); its presence means "resume". */
export const STATE_KEY = "boxafe-connect.wizard";
/** Which view the admin was in when sign-in started: "setup" or "check". */
export const VIEW_KEY = "boxafe-connect.view";
