/**
 * A QR code of a link as an SVG data URL (the CSP allows `img-src data:`). The QR library is
 * loaded only when a code is first drawn, so the dashboard does not carry it.
 */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const { toString } = await import('qrcode');
  const svg = await toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
