/**
 * Makes text safe inside XML character data and attribute values (either quote style). Characters
 * XML 1.0 forbids (C0 controls but tab and newlines, lone surrogates, U+FFFE/U+FFFF) become U+FFFD,
 * so any name gives a well-formed document.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[<>&"']/g, (c) => xmlEntities[c as keyof typeof xmlEntities]);
}

const xmlEntities = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' } as const;

/** A coordinate rounded to two decimals: plenty for a screen, and it keeps big traces small. */
export function coord(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Milliseconds for a tooltip: three decimals below 10 ms, where steps of a few microseconds live. */
export function formatTooltipMs(ms: number): string {
  return `${ms < 10 ? ms.toFixed(3) : ms < 1000 ? ms.toFixed(2) : ms.toFixed(0)} ms`;
}
