// The enrolment as My account shows it: the secret, its otpauth:// URL and that URL as a QR code
// drawn here (an SVG made by the `qrcode` package), so the secret never goes to an outside service.
import QRCode from "qrcode";
import { startTotpEnrolment } from "@/lib/auth/mfa";

export interface EnrolmentView {
  secret: string;
  otpauth_url: string;
  /** An SVG document of the URL's QR code: paths and attributes only, no script or style. */
  qr_svg: string;
}

export async function startEnrolmentWithQr(options: Parameters<typeof startTotpEnrolment>[0]): Promise<EnrolmentView> {
  const enrolment = await startTotpEnrolment(options);
  const qr_svg = await QRCode.toString(enrolment.otpauth_url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { ...enrolment, qr_svg };
}
