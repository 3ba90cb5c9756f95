import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code drawn in the page (no network): for phones to open the same page. */
export function Qr({ text, size, label }: { text: string; size: number; label: string }) {
  const [src, setSrc] = useState('');
  useEffect(() => {
    QRCode.toDataURL(text, { margin: 1, errorCorrectionLevel: 'M', width: size }).then(setSrc, () => setSrc(''));
  }, [text, size]);
  return src ? <img className="qr" src={src} alt={label} width={size} height={size} /> : null;
}
