// Times in the console are shown in UTC: the same text on the server and in every browser (no
// hydration mismatch), and the same zone the audit filters are entered in.
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function UtcTime({ iso, seconds = false }: { iso: string; seconds?: boolean }) {
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap">
      {seconds ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC` : formatUtc(iso)}
    </time>
  );
}
