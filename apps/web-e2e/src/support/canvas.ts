import type { Locator } from 'playwright-core';

/** Share of the canvas's pixels that are painted: an empty chart is ~0. */
export function paintedShare(canvas: Locator): Promise<number> {
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const context = element.getContext('2d');
    if (!context) return 0;
    const { data } = context.getImageData(0, 0, element.width, element.height);
    let filled = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) filled++;
    return filled / (data.length / 4);
  });
}

/**
 * The page position of a chart's mark: the first pixel (scanning rows from `minY` CSS px
 * down, each row left to right) of colour `rgb`, or — without `rgb` — of any strongly
 * saturated colour (bars and cells; axes, text and grid lines are grey). Clicking there
 * clicks that bar or cell, as a user would.
 */
export async function markPosition(
  canvas: Locator,
  options: { rgb?: [number, number, number]; minY?: number; columnFirst?: boolean } = {},
): Promise<{ x: number; y: number }> {
  // Into the middle of the viewport: a mouse click lands only on what is on screen, and the
  // sticky filter bar covers the top edge.
  await canvas.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const box = await canvas.boundingBox();
  if (!box) throw new Error('chart canvas is not visible');
  const hit = await canvas.evaluate(
    (
      element: HTMLCanvasElement,
      o: { rgb: number[] | null; minY: number; columnFirst: boolean },
    ) => {
      const context = element.getContext('2d');
      if (!context) return null;
      const { width, height } = element;
      const scale = width / element.clientWidth;
      const { data } = context.getImageData(0, 0, width, height);
      const matches = (x: number, y: number) => {
        const i = (y * width + x) * 4;
        const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        if (a < 200) return false;
        if (o.rgb)
          return (
            Math.abs(r - o.rgb[0]) < 6 && Math.abs(g - o.rgb[1]) < 6 && Math.abs(b - o.rgb[2]) < 6
          );
        return Math.max(r, g, b) - Math.min(r, g, b) > 60;
      };
      const top = Math.round(o.minY * scale);
      const step = Math.max(1, Math.round(scale));
      const inside = (x: number, y: number) =>
        x + 6 * step < width && y + 6 * step < height && matches(x + 6 * step, y + 6 * step);
      if (o.columnFirst) {
        for (let x = 0; x < width; x += step)
          for (let y = height - 1; y >= top; y -= step)
            if (matches(x, y) && inside(x, y - 12 * step))
              return { x: x / scale + 6, y: y / scale - 6 };
      } else {
        for (let y = top; y < height; y += step)
          for (let x = 0; x < width; x += step)
            if (matches(x, y) && inside(x, y)) return { x: x / scale + 6, y: y / scale + 6 };
      }
      return null;
    },
    {
      rgb: options.rgb ?? null,
      minY: options.minY ?? 0,
      columnFirst: options.columnFirst ?? false,
    },
  );
  if (!hit) throw new Error('no mark of that colour in the chart');
  return { x: box.x + hit.x, y: box.y + hit.y };
}
