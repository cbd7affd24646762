/** The executable's name, as help text and examples spell it. */
export const bin = "boxafe-connect";
