// The configuration that input validation depends on, as plain data. The server reads it from the
// environment (`inputRules()` in lib/env.ts); a page hands the same object to its browser forms, so
// a form checks what the server will check — with the server's own schemas and messages.

export interface InputRules {
  /** SMS_PASSWORD_MIN_LENGTH */
  passwordMinLength: number;
  /** SMS_DEFAULT_REGION: how national phone numbers are read. */
  region: string;
  /** SMS_ROOT_DOMAIN: custom domains may not sit under it. */
  rootDomain: string;
}

/**
 * One schema per set of rules: a schema that depends on the rules is made once for them (the
 * server has one set; a browser form gets the same one from its page), so its OpenAPI id is
 * registered once and hot paths don't rebuild it.
 */
export function byRules<T>(make: (rules: InputRules) => T): (rules: InputRules) => T {
  const made = new Map<string, T>();
  return (rules) => {
    const key = `${rules.passwordMinLength}|${rules.region}|${rules.rootDomain}`;
    let schema = made.get(key);
    if (schema === undefined) {
      schema = make(rules);
      made.set(key, schema);
    }
    return schema;
  };
}
