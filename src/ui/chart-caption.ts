// The caption line under an exported chart (workload, pricing, date): added to the SVG as text
// nodes and drawn under the PNG, so a chart file says what it shows. Text only, never markup.

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT_PX = 11;
const LINE_PX = 15;
const PAD_PX = 8;

/** The caption split at " · " into lines of about `chars` characters. */
export function captionLines(caption: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of caption.split(' · ')) {
    const next = line === '' ? part : `${line} · ${part}`;
    if (next.length > chars && line !== '') {
      lines.push(line);
      line = part;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function number(value: string | null): number | null {
  const n = value === null ? Number.NaN : Number.parseFloat(value);
  return Number.isFinite(n) ? n : null;
}

/** The SVG text with the caption as lines of text below the chart (height and viewBox grown to fit). */
export function svgWithCaption(svgText: string, caption: string): string {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const svg = doc.documentElement;
  if (svg.nodeName !== 'svg') return svgText;
  const width = number(svg.getAttribute('width')) ?? 600;
  const height = number(svg.getAttribute('height')) ?? 300;
  const lines = captionLines(caption, Math.max(40, Math.floor(width / (FONT_PX * 0.55))));
  const extra = PAD_PX + lines.length * LINE_PX;
  svg.setAttribute('height', String(height + extra));
  const box = svg.getAttribute('viewBox')?.split(/[\s,]+/).map(Number);
  if (box !== undefined && box.length === 4 && box.every(Number.isFinite)) svg.setAttribute('viewBox', `${box[0]} ${box[1]} ${box[2]} ${box[3]! + extra}`);
  const background = doc.createElementNS(SVG_NS, 'rect');
  const rect: [string, string][] = [['x', '0'], ['y', String(height)], ['width', String(width)], ['height', String(extra)], ['fill', '#ffffff']];
  for (const [k, v] of rect) background.setAttribute(k, v);
  svg.appendChild(background);
  lines.forEach((text, i) => {
    const node = doc.createElementNS(SVG_NS, 'text');
    const attrs: [string, string][] = [['x', String(PAD_PX)], ['y', String(height + PAD_PX + (i + 0.8) * LINE_PX)], ['font-family', 'system-ui, sans-serif'], ['font-size', `${FONT_PX}px`], ['fill', '#5f6368'], ['data-caption', '']];
    for (const [k, v] of attrs) node.setAttribute(k, v);
    node.textContent = text;
    svg.appendChild(node);
  });
  return new XMLSerializer().serializeToString(doc);
}

/** A PNG data URL of `chart` (a canvas at `scale`) with the caption drawn below it. */
export function pngWithCaption(chart: HTMLCanvasElement, caption: string, scale: number): string {
  const cssWidth = chart.width / scale;
  const lines = captionLines(caption, Math.max(40, Math.floor(cssWidth / (FONT_PX * 0.55))));
  const extra = (PAD_PX + lines.length * LINE_PX) * scale;
  const out = document.createElement('canvas');
  out.width = chart.width;
  out.height = chart.height + extra;
  const g = out.getContext('2d');
  if (g === null) return chart.toDataURL('image/png');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, out.width, out.height);
  g.drawImage(chart, 0, 0);
  g.fillStyle = '#5f6368';
  g.font = `${FONT_PX * scale}px system-ui, sans-serif`;
  lines.forEach((text, i) => g.fillText(text, PAD_PX * scale, chart.height + (PAD_PX + (i + 0.8) * LINE_PX) * scale));
  return out.toDataURL('image/png');
}
