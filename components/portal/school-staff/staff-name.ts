// What the list, the dialogs and a member's page call someone: their name, else how they sign in.
// Plain code (not a client module), so server pages can call it too.
export const staffName = (s: { full_name: string; email: string | null; phone: string | null }) =>
  s.full_name || s.email || s.phone || "Unnamed";
