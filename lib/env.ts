// Configuration, parsed once from process.env. A missing or bad value stops start-up with one
// line naming the variable (see `describeEnvError`), never a stack trace.
import { z } from "zod";
import type { InputRules } from "@/lib/config/input-rules";

const int = (fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max).default(fallback);

const flag = () =>
  z
    .enum(["1", "0", "true", "false", "yes", "no", "on", "off"])
    .optional()
    .transform((v) => (v === undefined ? undefined : ["1", "true", "yes", "on"].includes(v)));

const hostname = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/,
    "must be a host name such as example.org",
  );

/** An optional URL of one of `protocols`; an empty value is no value. */
const optionalUrl = (protocols: string[], message: string) =>
  z
    .string()
    .trim()
    .refine((v) => {
      try {
        const url = new URL(v);
        return protocols.includes(url.protocol) && url.hostname !== "";
      } catch {
        return false;
      }
    }, message)
    .optional()
    .or(z.literal("").transform(() => undefined));

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    SMS_ROOT_DOMAIN: hostname.default("localhost"),
    SMS_ACCESS_TTL: int(300, 10, 86_400),
    SMS_REFRESH_TTL: int(86_400, 60, 365 * 86_400),
    SMS_DEFAULT_REGION: z
      .string()
      .regex(/^[A-Z]{2}$/, "must be an ISO 3166 alpha-2 region such as US")
      .default("US"),
    SMS_LOGIN_MAX_FAILURES: int(5, 1, 1000),
    SMS_LOGIN_WINDOW: int(900, 1, 86_400),
    SMS_LOGIN_IP_MAX_FAILURES: int(100, 1, 1_000_000),
    SMS_TRUSTED_PROXIES: z
      .string()
      .default("")
      .transform((v) =>
        v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    SMS_PASSWORD_MIN_LENGTH: int(8, 1, 128),
    SMS_SUPERUSER_EMAIL: z
      .email("must be an email address")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    SMS_SUPERUSER_PASSWORD: z.string().max(128, "must be at most 128 characters").optional(),
    /** Encrypts the JWT private keys at rest. Without it a key is generated into SMS_DATA_DIR. */
    SMS_SECRET_KEY: z
      .string()
      .min(32, "must be at least 32 characters")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    SMS_DATA_DIR: z.string().default(".data"),
    SMS_EMBEDDED_PG_PORT: int(54329, 1024, 65535),
    /** Seed a demo school (and, without SMS_SUPERUSER_*, a generated admin). Default: on with the
     *  embedded database (a first look), off with DATABASE_URL (a real deployment). */
    SMS_DEMO: flag(),
    SMS_DB_POOL_SIZE: int(10, 1, 500),
    /** Platform users must turn on two-factor sign-in before anything else (API §8). */
    SMS_MFA_REQUIRED_PLATFORM: flag(),
    /** How long an instance caches the JWT key set; a rotated-in key signs after this + 10 s. */
    SMS_KEY_RING_TTL: int(60, 1, 3600),
    /** Email transport (API §8 Messages), e.g. smtp://user:pass@mail.example.org:587; smtps:// for TLS from the start. */
    SMS_SMTP_URL: optionalUrl(["smtp:", "smtps:"], "must be an smtp:// or smtps:// URL such as smtp://user:pass@host:587"),
    /** The From of every email; default no-reply@SMS_ROOT_DOMAIN. */
    SMS_MAIL_FROM: z
      .string()
      .trim()
      .max(254)
      .regex(
        /^([^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
        'must be an address such as no-reply@example.org or "School <no-reply@example.org>"',
      )
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** SMS transport: each text is POSTed as {"to","body"} to this URL; a non-2xx answer is a failed attempt. */
    SMS_SMS_WEBHOOK_URL: optionalUrl(["http:", "https:"], "must be an http:// or https:// URL"),
    /** How often each instance's worker looks for messages due (ms). */
    SMS_OUTBOX_POLL_MS: int(5000, 50, 60_000),
    /** The wait before a failed message's first retry (ms); each next one doubles, up to an hour. At most 60 s (API §8). */
    SMS_OUTBOX_RETRY_MS: int(30_000, 50, 60_000),
    /** How long an invitation's link works, in seconds (API §8 Invitations; default 7 days). */
    SMS_INVITE_TTL: int(7 * 86_400, 60, 90 * 86_400),
    /** How long a password reset link works, in seconds (API §8 Passwords; default an hour). */
    SMS_RESET_TTL: int(3600, 60, 7 * 86_400),
    /**
     * Where people reach the platform, for the links in messages: scheme, the root domain and the
     * port if any (https://example.org). A school's links use https://<slug>.example.org. Default:
     * http://SMS_ROOT_DOMAIN:PORT, right for development only.
     */
    SMS_PUBLIC_URL: optionalUrl(["http:", "https:"], "must be an http:// or https:// URL such as https://example.org"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    PORT: int(3000, 1, 65535),
  })
  .transform((env) => ({
    ...env,
    SMS_DEMO: env.SMS_DEMO ?? !env.DATABASE_URL,
    SMS_MFA_REQUIRED_PLATFORM: env.SMS_MFA_REQUIRED_PLATFORM ?? false,
  }))
  .superRefine((env, ctx) => {
    if (env.SMS_SUPERUSER_EMAIL && !env.SMS_SUPERUSER_PASSWORD) {
      ctx.addIssue({ code: "custom", path: ["SMS_SUPERUSER_PASSWORD"], message: "is required when SMS_SUPERUSER_EMAIL is set" });
    }
    if (env.SMS_SUPERUSER_PASSWORD && env.SMS_SUPERUSER_PASSWORD.length < env.SMS_PASSWORD_MIN_LENGTH) {
      ctx.addIssue({
        code: "custom",
        path: ["SMS_SUPERUSER_PASSWORD"],
        message: `must be at least ${env.SMS_PASSWORD_MIN_LENGTH} characters`,
      });
    }
    // The links of a school are built on its subdomain of the root: a public URL elsewhere would
    // send people to a host that does not know the school.
    if (env.SMS_PUBLIC_URL) {
      const url = new URL(env.SMS_PUBLIC_URL);
      if (url.hostname !== env.SMS_ROOT_DOMAIN || (url.pathname !== "/" && url.pathname !== "")) {
        ctx.addIssue({
          code: "custom",
          path: ["SMS_PUBLIC_URL"],
          message: `must be the root domain's address with no path, such as https://${env.SMS_ROOT_DOMAIN}`,
        });
      }
    }
  });

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** The parsed configuration. Throws `EnvError` on the first bad value. */
export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) throw new EnvError(parsed.error);
    cached = parsed.data;
  }
  return cached;
}

/** The configuration input validation depends on, for the server's schemas and its pages' forms. */
export function inputRules(): InputRules {
  const { SMS_PASSWORD_MIN_LENGTH, SMS_DEFAULT_REGION, SMS_ROOT_DOMAIN } = env();
  return { passwordMinLength: SMS_PASSWORD_MIN_LENGTH, region: SMS_DEFAULT_REGION, rootDomain: SMS_ROOT_DOMAIN };
}

export class EnvError extends Error {
  constructor(readonly zodError: z.ZodError) {
    const issue = zodError.issues[0];
    const name = issue?.path.join(".") || "environment";
    super(`Invalid configuration: ${name} ${issue?.message ?? "is invalid"}`);
    this.name = "EnvError";
  }
}
