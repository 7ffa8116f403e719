import qrcode from 'qrcode-generator';

/** A QR code of <paramref name="text"/> as an SVG of dark squares, for another phone's camera. */
export function QrCode({ text, label, size = 176 }: { text: string; label: string; size?: number }) {
  const code = qrcode(0, 'M');
  code.addData(text, 'Numeric');
  code.make();
  const count = code.getModuleCount();
  let path = '';
  for (let row = 0; row < count; row++)
    for (let column = 0; column < count; column++)
      if (code.isDark(row, column)) path += `M${column + 4} ${row + 4}h1v1h-1z`;
  // A quiet zone of four modules on every side, as readers expect.
  return (
    <svg class="qr-code" role="img" aria-label={label} viewBox={`0 0 ${count + 8} ${count + 8}`} width={size} height={size} shape-rendering="crispEdges">
      <rect width="100%" height="100%" fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
