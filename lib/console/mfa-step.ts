// How the console's sign-in provider hands the browser the mfa_token of a two-factor login: as the
// refusal's message, behind this prefix (next-auth passes only a message back to the form).
export const MFA_STEP = "mfa_required:";

/** The refusal of an invitation's link that is used, replaced, withdrawn or expired: the page says so. */
export const INVITATION_NOT_VALID = "invitation_not_valid";
