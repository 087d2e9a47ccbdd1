// How the console's sign-in provider hands the browser the mfa_token of a two-factor login: as the
// refusal's message, behind this prefix (next-auth passes only a message back to the form).
export const MFA_STEP = "mfa_required:";
