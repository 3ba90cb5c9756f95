import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code drawn in the page (no network): for phones to open the same page. */
export function Qr({ text, size, label }: { text: string; size: number; label: string }) {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', width: size }).then(setSvg, () =>
      setSvg(''),
    );
  }, [text, size]);
  return (
    // biome-ignore lint/security/noDangerouslySetInnerHtml: the SVG is generated locally by the qrcode library.
    <div
      className="qr"
      role="img"
      aria-label={label}
      style={{ width: size, height: size }}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
