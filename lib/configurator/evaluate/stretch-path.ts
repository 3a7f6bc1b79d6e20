// Reshapes SVG path data along one axis with a piecewise-linear map, so a number group (a sofa's width)
// can drive the drawing: what lies before a band moves one way, what lies after it the other, and the band
// itself stretches in between, so arms and legs keep their size while the seat grows. Pure; the server and
// the browser give the same string for the same input.

export type AxisMap = (v: number) => number;

/**
 * The map that grows the band [from, to] by `delta` (negative shrinks it): "start" keeps what lies before
 * the band in place, "end" what lies after it, "middle" moves both sides by half.
 */
export function bandMap(from: number, to: number, delta: number, anchor: "start" | "middle" | "end" = "middle"): AxisMap {
  const before = anchor === "start" ? 0 : anchor === "end" ? -delta : -delta / 2;
  const after = before + delta;
  const span = to - from;
  const scale = (span + delta) / span;
  return (v) => (v <= from ? v + before : v >= to ? v + after : from + before + (v - from) * scale);
}

const round = (n: number) => {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? 0 : r;
};

const ARGS: Record<string, number> = { M: 2, L: 2, T: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, A: 7, Z: 0 };
const NUMBER = /[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const SEPARATOR = /[\s,]*/y;

/** Splits path data into commands and their arguments (arc flags read as single digits, as SVG allows). */
function parse(d: string): { cmd: string; args: number[] }[] | null {
  const out: { cmd: string; args: number[] }[] = [];
  let i = 0;
  const skip = () => {
    SEPARATOR.lastIndex = i;
    SEPARATOR.exec(d);
    i = SEPARATOR.lastIndex;
  };
  const number = (): number | null => {
    skip();
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(d);
    if (!m) return null;
    i = NUMBER.lastIndex;
    return Number(m[0]);
  };
  const flag = (): number | null => {
    skip();
    const c = d[i];
    if (c !== "0" && c !== "1") return null;
    i++;
    return Number(c);
  };
  skip();
  while (i < d.length) {
    const cmd = d[i]!;
    const count = ARGS[cmd.toUpperCase()];
    if (count === undefined) return null;
    i++;
    if (count === 0) {
      out.push({ cmd, args: [] });
      skip();
      continue;
    }
    // A command's arguments may repeat (after M, the repeats are lines).
    let first = true;
    for (;;) {
      skip();
      if (!first && (i >= d.length || /[A-Za-z]/.test(d[i]!))) break;
      const args: number[] = [];
      for (let k = 0; k < count; k++) {
        const value = cmd.toUpperCase() === "A" && (k === 3 || k === 4) ? flag() : number();
        if (value === null) return null;
        args.push(value);
      }
      out.push({ cmd: first ? cmd : cmd === "M" ? "L" : cmd === "m" ? "l" : cmd, args });
      first = false;
    }
  }
  return out;
}

/**
 * The path with every x (axis "x") or y (axis "y") coordinate put through `map`, written with absolute
 * commands; arc radii along the axis follow the local scale. Unparseable data is returned unchanged.
 */
export function stretchPath(d: string, axis: "x" | "y", map: AxisMap): string {
  const commands = parse(d);
  if (!commands) return d;
  const mx = axis === "x" ? map : (v: number) => v;
  const my = axis === "y" ? map : (v: number) => v;
  const parts: string[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  for (const { cmd, args } of commands) {
    const upper = cmd.toUpperCase();
    const rel = cmd !== upper;
    const ax = (k: number) => (rel ? x + args[k]! : args[k]!);
    const ay = (k: number) => (rel ? y + args[k]! : args[k]!);
    switch (upper) {
      case "Z":
        parts.push("Z");
        x = startX;
        y = startY;
        break;
      case "H": {
        const nx = rel ? x + args[0]! : args[0]!;
        parts.push(`L ${round(mx(nx))} ${round(my(y))}`);
        x = nx;
        break;
      }
      case "V": {
        const ny = rel ? y + args[0]! : args[0]!;
        parts.push(`L ${round(mx(x))} ${round(my(ny))}`);
        y = ny;
        break;
      }
      case "A": {
        const nx = ax(5);
        const ny = ay(6);
        let [rx, ry] = [args[0]!, args[1]!];
        const local = (a: number, b: number, f: AxisMap) => (Math.abs(b - a) > 1e-9 ? Math.abs(f(b) - f(a)) / Math.abs(b - a) : Math.abs(f(a + 0.5) - f(a - 0.5)));
        if (axis === "x") rx *= local(x, nx, map);
        else ry *= local(y, ny, map);
        parts.push(`A ${round(rx)} ${round(ry)} ${args[2]} ${args[3]} ${args[4]} ${round(mx(nx))} ${round(my(ny))}`);
        x = nx;
        y = ny;
        break;
      }
      default: {
        const coords: string[] = [];
        for (let k = 0; k < args.length; k += 2) coords.push(`${round(mx(ax(k)))} ${round(my(ay(k + 1)))}`);
        parts.push(`${upper} ${coords.join(" ")}`);
        x = ax(args.length - 2);
        y = ay(args.length - 1);
        if (upper === "M") {
          startX = x;
          startY = y;
        }
      }
    }
  }
  return parts.join(" ");
}
