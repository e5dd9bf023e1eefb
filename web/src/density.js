// The density strip: how many records each year, month, week or day of the window holds.

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86_400_000;
const MAX_BARS = 400;

/** Choose the widest bar that still shows the window's shape, so a window of decades stays cheap. */
export function bucketFor(start, end) {
  const days = (end - start) / DAY;
  if (days <= MAX_BARS) return "DAY";
  if (days / 7 <= MAX_BARS) return "WEEK";
  if (days / 30.4 <= MAX_BARS) return "MONTH";
  return "YEAR";
}

function el(name, attributes = {}) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

export class DensityStrip {
  /** Draw into CONTAINER; ON_PICK(start, end) is called when a bar is chosen. */
  constructor(container, onPick) {
    this.container = container;
    this.onPick = onPick;
    this.bars = [];
    this.bucket = "YEAR";
    this.window = null;
    this.svg = el("svg", { class: "density-svg", role: "img", "aria-label": "Record density" });
    container.append(this.svg);
    container.addEventListener("keydown", (event) => this.key(event));
  }

  /** Replace the bars (from the histogram query) and redraw. */
  setBars(bars, bucket) {
    this.bars = bars;
    this.bucket = bucket;
    const total = bars.reduce((sum, bar) => sum + bar.count, 0);
    const busiest = bars.reduce((best, bar) => (bar.count > (best?.count ?? 0) ? bar : best), null);
    const summary = busiest
      ? `Record density by ${bucket.toLowerCase()}: ${total} record-${bucket.toLowerCase()}s; busiest ${busiest.start} to ${busiest.end} with ${busiest.count}. Press Enter to zoom to it.`
      : "No records in this window.";
    this.container.setAttribute("aria-label", summary);
    this.container.dataset.bucket = bucket;
    this.container.dataset.bars = String(bars.length);
    this.busiest = busiest;
    this.draw();
  }

  /** Follow the timeline's visible window without asking the service again. */
  setWindow(start, end) {
    this.window = { start: start.getTime(), end: end.getTime() };
    this.draw();
  }

  key(event) {
    if (event.key === "Enter" && this.busiest) {
      event.preventDefault();
      this.onPick(this.busiest.start, this.busiest.end);
    }
  }

  draw() {
    const width = this.container.clientWidth || 800;
    const height = this.container.clientHeight || 48;
    this.svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    this.svg.replaceChildren();
    if (!this.window || !this.bars.length) return;
    // Align with the timeline's time axis, which starts after the lane labels.
    const area = this.area ? this.area() : { left: 0, width };
    const span = this.window.end - this.window.start;
    const x = (time) => area.left + ((time - this.window.start) / span) * area.width;
    const max = Math.max(1, ...this.bars.map((bar) => bar.count));
    for (const bar of this.bars) {
      if (!bar.count) continue;
      const from = Date.parse(`${bar.start}T00:00:00Z`);
      const to = Date.parse(`${bar.end}T00:00:00Z`) + DAY;
      const left = x(from);
      const barWidth = Math.max(1, x(to) - left - 0.5);
      if (left + barWidth < area.left || left > area.left + area.width) continue;
      const group = el("g", { class: "density-bar" });
      let top = height;
      for (const [kind, count] of [["documents", bar.documents], ["decisions", bar.decisions], ["events", bar.events]]) {
        const h = (count / max) * (height - 4);
        if (h <= 0) continue;
        top -= h;
        group.append(el("rect", { x: left, y: top, width: barWidth, height: h, class: `density-${kind}` }));
      }
      const title = el("title");
      title.textContent = `${bar.start} – ${bar.end}: ${bar.documents} documents, ${bar.decisions} decisions, ${bar.events} events`;
      group.append(title);
      group.addEventListener("click", () => this.onPick(bar.start, bar.end));
      this.svg.append(group);
    }
  }
}
